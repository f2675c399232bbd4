"""Questions parents and applicants ask, with the institute's answers: per programme or site-wide."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_owner
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n.status import last_changed_field
from pages.models.programmes import Programme


class FaqQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def visible(self, language=None, now=None, scheduled=False):
        """The publishing rule, and a question on a programme's page only while that programme
        is visible too (in the same language, at the same time)."""
        programmes = Programme.objects.visible(language, now, scheduled)
        questions = super().visible(language, now, scheduled)
        return questions.filter(Q(programme__isnull=True) | Q(programme__in=programmes))

    def site_wide(self):
        return self.filter(programme__isnull=True)


@site_content
class Faq(PublishedByDefault, TranslatableModel):
    """A question and its answer, about one programme or (without one) the institute."""

    programme = optional_owner(
        Programme,
        _("programme"),
        related_name="faqs",
        help_text=_("Empty: a question about the institute, shown on the FAQ page."),
    )
    translations = TranslatedFields(
        changed=last_changed_field(),
        question=models.CharField(_("question"), max_length=300),
        answer=models.TextField(_("answer"), help_text=_("Plain text; a blank line starts a new paragraph.")),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = FaqQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers (FAQ)")

    def __str__(self):
        return self.safe_translation_getter("question", any_language=True) or ""

    def is_visible(self, now=None):
        return super().is_visible(now) and (self.programme is None or self.programme.is_visible(now))

    @property
    def visible_from(self):
        """Not before its programme: a question is on the programme's page."""
        if self.programme is None:
            return self.publication_start
        return max(self.publication_start, self.programme.publication_start)

    @property
    def anchor(self):
        """The id of the question on its page: a search result leads straight to it."""
        return f"faq-{self.pk}"

    def get_absolute_url(self, language=None):
        """The question on its programme's page, or on the site-wide FAQ page (CMS page `faq`)."""
        if self.programme_id:
            base = self.programme.get_absolute_url(language)
        else:
            from cms.models import Page
            from django.utils import translation

            page = Page.objects.filter(reverse_id="faq").first()
            if page is None:
                return ""
            with translation.override(language or translation.get_language()):
                base = page.get_absolute_url(language or translation.get_language())
            if not base:
                return ""
        return f"{base}#{self.anchor}"
