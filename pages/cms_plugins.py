"""Blocks that editors place on any CMS page; each renders the visible records of pages/models/.

A page with these blocks is kept whole by the page cache (jeiweb/cache/pages.py), which starts
afresh when any site content changes: a block need not say which records it shows.
"""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from pages import models, roster, structured_data
from pages.forms import EnquiryForm
from pages.models.teams import school_names
from pages.templatetags.college_tags import contact_points_of_page

MODULE = _("College")


class CollegePlugin(CMSPluginBase):
    """A block that shows records: each plugin says what it adds to the page in `records`.
    A block without settings of its own keeps django CMS's default model, CMSPlugin."""

    module = MODULE

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context.update(self.records(instance, context))
        return context

    def records(self, instance, context):
        return {}


@plugin_pool.register_plugin
class KeyFactsPlugin(CollegePlugin):
    """The teaching figures (from the roster, or the dated snapshot) or the current snapshot of
    the students, with computed shares."""

    name = _("Key facts")
    model = models.KeyFactsPluginModel

    def get_render_template(self, context, instance, placeholder):
        return f"pages/plugins/key_facts_{instance.subject}.html"

    def records(self, instance, context):
        if instance.subject == models.KeyFactsSubject.TEACHING:
            # Counted from the roster once it is complete, else the dated snapshot (pages/roster.py).
            return {
                "snapshot": roster.teaching_figures(),
                "schools": list(school_names(instance.language).values()),
            }
        snapshots = models.StudentBody.objects.select_related("programme").prefetch_related(
            "translations", "programme__translations"
        )
        return {"snapshot": snapshots.current()}


@plugin_pool.register_plugin
class ProgrammeCardsPlugin(CollegePlugin):
    """Cards of the programmes (of one level, or all), linking to their pages."""

    name = _("Programme cards")
    model = models.ProgrammeCardsPluginModel
    render_template = "pages/plugins/programme_cards.html"

    def records(self, instance, context):
        programmes = models.Programme.objects.visible(instance.language).prefetch_related(
            "translations", "degree_awards__translations"
        )
        return {"programmes": programmes.filter(level=instance.level) if instance.level else programmes}


@plugin_pool.register_plugin
class TimelinePlugin(CollegePlugin):
    """The milestones, oldest first: all of them, or only the latest few."""

    name = _("Timeline")
    model = models.TimelinePluginModel
    render_template = "pages/plugins/timeline.html"

    def records(self, instance, context):
        milestones = models.Milestone.objects.visible(instance.language).prefetch_related("translations")
        if instance.latest:
            latest = milestones.order_by("-date", "-pk")[: instance.latest]
            return {"milestones": sorted(latest, key=lambda milestone: (milestone.date, milestone.pk))}
        return {"milestones": milestones.chronological()}


@plugin_pool.register_plugin
class CommitteePlugin(CollegePlugin):
    """A joint committee (or all of them) with the people holding its posts, linked to their pages."""

    name = _("Committee")
    model = models.CommitteePluginModel
    render_template = "pages/plugins/committee.html"

    def records(self, instance, context):
        committees = models.Committee.objects.prefetch_related(
            "translations",
            Prefetch(
                "posts",
                models.Post.objects.filter(person__in=models.Person.objects.visible(instance.language))
                .select_related("person")
                .prefetch_related("person__translations"),
            ),
        )
        if instance.committee_id:
            committees = committees.filter(pk=instance.committee_id)
        return {"committees": committees}


@plugin_pool.register_plugin
class ResourcesPlugin(CollegePlugin):
    """The learning resources every student has: online platforms and devices."""

    name = _("Learning resources")
    render_template = "pages/plugins/resources.html"

    def records(self, instance, context):
        resources = list(models.LearningResource.objects.prefetch_related("translations"))
        return {
            "devices": [r for r in resources if r.kind == models.ResourceKind.DEVICE],
            "platforms": [r for r in resources if r.kind == models.ResourceKind.PLATFORM],
        }


@plugin_pool.register_plugin
class AccreditationsPlugin(CollegePlugin):
    """Who recognised or reviewed what, and when: for one programme or all of them."""

    name = _("Accreditations")
    model = models.AccreditationsPluginModel
    render_template = "pages/plugins/accreditations.html"

    def records(self, instance, context):
        accreditations = models.Accreditation.objects.select_related("programme").prefetch_related(
            "translations", "programme__translations"
        )
        if instance.programme_id:
            accreditations = accreditations.filter(programme_id=instance.programme_id)
        return {"accreditations": accreditations}


@plugin_pool.register_plugin
class ContactPointsPlugin(CollegePlugin):
    """The offices that answer visitors, with whatever staff have filled in (nothing while empty)."""

    name = _("Contact points")
    render_template = "pages/plugins/contact_points.html"

    def records(self, instance, context):
        return {"contact_points": contact_points_of_page(context)}  # the footer's too


@plugin_pool.register_plugin
class EnquiryFormPlugin(CollegePlugin):
    """The enquiry form (its choice of programmes changes with them)."""

    name = _("Enquiry form")
    render_template = "pages/plugins/enquiry_form.html"

    def records(self, instance, context):
        return {"form": EnquiryForm(language=instance.language)}


@plugin_pool.register_plugin
class FaqPlugin(CollegePlugin):
    """Questions and answers, as a disclosure list with FAQPage data: of one programme, or
    (without one) about the institute."""

    name = _("Questions and answers")
    model = models.FaqPluginModel
    render_template = "pages/plugins/faqs.html"

    def records(self, instance, context):
        faqs = models.Faq.objects.visible(instance.language).prefetch_related("translations")
        faqs = faqs.filter(programme_id=instance.programme_id) if instance.programme_id else faqs.site_wide()
        shown = {"faqs": list(faqs), "heading_id": f"faq-heading-{instance.pk}"}
        request = context.get("request")
        if request is not None and shown["faqs"]:
            shown["faq_structured_data"] = structured_data.faq_page(request, shown["faqs"], request.path)
        return shown
