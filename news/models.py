"""News articles, their categories and events, written by staff in English and Chinese.

Articles and events follow the site's one publishing rule (jeiweb/content/publishing.py):
the list, the article page, the feeds, the "latest news" plugin, the calendar, the sitemap and
the search all ask `visible(language, now)`, so a draft or a scheduled article can leak nowhere.

A missing translation is left out: an article (or event) without a text in the visitor's
language is not listed, has no page and is not in the feeds of that language.
"""

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from djangocms_text.fields import HTMLField
from filer.fields.image import FilerImageField
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.fields import optional_link, staff_account_field
from jeiweb.content.publishing import Publishable, PublishableQuerySet, Status  # noqa: F401 (Status: re-exported)
from jeiweb.content.review import Reviewable
from jeiweb.i18n import reverse_in, translated_url
from jeiweb.i18n.slugs import slug_field
from jeiweb.i18n.status import last_changed_field

# Slugs that name the app's own pages under the news page: an article cannot take them.
RESERVED_SLUGS = {"archive", "calendar", "category", "events", "feed", "past"}


def news_url(name, language=None, **kwargs):
    """A URL of the news app (attached to the "News & Events" page) in the given language."""
    return reverse_in(language, f"news:{name}", **kwargs)


def validate_free_slug(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("This address is used by the news pages; choose another."))


class CategoryQuerySet(TranslatableQuerySet):
    def visible(self, language, now=None):
        """The categories visitors see in `language`: those holding an article visible in it."""
        articles = Article.objects.visible(language, now)
        return self.translated(language).filter(article__in=articles).distinct()


@site_content
class Category(TranslatableModel):
    """A topic that groups news articles; visitors filter the news list and subscribe by it."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        name=models.CharField(_("name"), max_length=100),
        slug=models.SlugField(_("slug"), max_length=100, allow_unicode=False),
        meta={"unique_together": [("language_code", "slug")]},
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["ordering", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(self.pk)

    def get_absolute_url(self, language=None):
        return translated_url(
            self, "news:category", language, fallback="news:article-list", url_kwarg="category"
        )


class NewsItem(Publishable, Reviewable, TranslatableModel):
    """What an article and an event share: a title in each language it is written in, the
    site's publishing rule with a writer's work approved (jeiweb/content/review.py), and when it
    was written and last changed."""

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class ArticleQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def for_listing(self):
        """With everything a list or a feed shows, in a constant number of queries."""
        return self.select_related("featured_image").prefetch_related(
            "translations", "categories__translations"
        )


@site_content
class Article(NewsItem):
    """A news story, in English and Chinese. It is visible to visitors once it is published and
    its publication time has come; until then staff can preview it at its address. A writer's
    article is published by an approver (jeiweb/content/review.py)."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=200),
        slug=slug_field(
            _("The last part of the article's address, in Latin letters (e.g. pinyin)."),
            validators=[validate_free_slug],
        ),
        summary=models.TextField(
            _("summary"),
            max_length=400,
            help_text=_("One or two sentences for lists, feeds and search engines."),
        ),
        body=HTMLField(_("body"), blank=True),
        image_alt=models.CharField(
            _("image description"),
            max_length=250,
            blank=True,
            help_text=_("What the photo shows, for people who cannot see it."),
        ),
        meta={"unique_together": [("language_code", "slug")]},
    )
    author = staff_account_field(_("author"), related_name="news_articles")
    categories = models.ManyToManyField(Category, verbose_name=_("categories"), blank=True)
    related_programmes = models.ManyToManyField(
        "pages.Programme", verbose_name=_("related programmes"), blank=True, related_name="articles"
    )
    related_milestones = models.ManyToManyField(
        "pages.Milestone", verbose_name=_("related milestones"), blank=True, related_name="articles"
    )
    # PROTECT: deleting a photo that an article shows is refused (the admin lists the
    # articles), rather than the article silently losing it.
    featured_image = FilerImageField(
        verbose_name=_("photo"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown first in the latest news block of the home page.")
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publication_start", "-pk"]
        permissions = [("publish_article", _("Can publish articles"))]
        # What every list filters on and orders by (published, due, newest first): a page of ten
        # reads ten index entries, whatever the size of the archive.
        indexes = [models.Index(fields=["status", "-publication_start", "-id"], name="news_article_visible")]

    def clean(self):
        if self.featured_image_id and self.featured_image.mime_type == "image/svg+xml":
            raise ValidationError(
                {"featured_image": _("A news photo must be a JPEG, PNG, GIF or WebP image, not SVG.")}
            )

    def get_absolute_url(self, language=None):
        """The article's address in a language; the news list where it lacks that language."""
        return translated_url(self, "news:article-detail", language, fallback="news:article-list")

    @cached_property
    def listed_categories(self):
        """The categories a card or the page shows. A page sets them for all its articles at
        once (news/selectors.py, attach_categories); otherwise they are read here."""
        return list(self.categories.all())


class EventQuerySet(PublishableQuerySet, TranslatableQuerySet):
    def upcoming(self, now=None, language=None):
        """Events visible at `now` (in `language`) that have not ended, soonest first."""
        now = now or timezone.now()
        return self.visible(language, now).filter(end__gte=now).order_by("start", "pk")

    def past(self, now=None, language=None):
        """Events visible at `now` (in `language`) that have ended, latest first."""
        now = now or timezone.now()
        return self.visible(language, now).filter(end__lt=now).order_by("-start", "-pk")


# An event moves from the upcoming events to the past ones when it ends: a page changes then.
# Its page changes too when booking opens or closes (news/bookings/models.py), and at its start
# if it takes bookings (`registration__event__start`: the start of events with a registration).
@site_content(
    changes_at=["end", "registration__opens_at", "registration__closes_at", "registration__event__start"]
)
class Event(NewsItem):
    """Something that happens at a time and place: a lecture, an open day, a ceremony.
    Visitors see it once published, in lists of upcoming and past events and in their calendar.
    A writer's event is published by an approver (jeiweb/content/review.py)."""

    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=200),
        slug=slug_field(validators=[validate_free_slug]),
        description=HTMLField(_("description"), blank=True),
        location=models.CharField(_("location"), max_length=250, blank=True),
        meta={"unique_together": [("language_code", "slug")]},
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    registration_url = models.URLField(_("registration page"), blank=True)
    article = optional_link(Article, _("related article"), related_name="events")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start", "-pk"]
        permissions = [("publish_event", _("Can publish events"))]
        # Upcoming events (end ≥ now, soonest first) and past ones (end < now, latest first).
        indexes = [
            models.Index(fields=["status", "end"], name="news_event_by_end"),
            models.Index(fields=["status", "-start"], name="news_event_by_start"),
        ]

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    def get_absolute_url(self, language=None):
        return translated_url(self, "news:event-detail", language, fallback="news:event-list")

    def get_ics_url(self, language=None):
        language = language or translation.get_language()
        return news_url(
            "event-ics", language, slug=self.safe_translation_getter("slug", language_code=language)
        )

    @property
    def is_past(self):
        return self.end < timezone.now()


class LatestNewsPluginModel(CMSPlugin):
    """Settings of the "latest news" block: how many articles, optionally of one category."""

    count = models.PositiveSmallIntegerField(_("number of articles"), default=3)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL
    )

    def __str__(self):
        return str(self.count)


# Bookings of events (registration, the visitors' bookings): their own package, by concept.
from news.bookings.models import Booking, EventRegistration  # noqa: E402, F401
