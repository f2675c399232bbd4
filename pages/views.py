"""The college's own pages, mounted on CMS pages by apphooks (see cms_apps.py)."""

from itertools import groupby

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from django.views.generic import DetailView, ListView
from menus.utils import set_language_changer
from parler.views import TranslatableSlugMixin

from pages import structured_data
from pages.models import Level, Milestone, MilestoneCategory, Programme
from pages.templatetags.college_tags import year_display


class ChoiceFilterMixin:
    """A filter read from one GET parameter; a value that is not a choice shows the whole list."""

    filter_param = None
    filter_choices = None
    url_name = None

    def get(self, request, *args, **kwargs):
        set_language_changer(request, self.url_in)
        return super().get(request, *args, **kwargs)

    def url_in(self, language):
        """This list, with its filter, in another language: where the switcher leads."""
        with override(language):
            url = reverse(self.url_name)
        active = self.get_filter()
        return f"{url}?{urlencode({self.filter_param: active})}" if active else url

    def get_filter(self):
        value = self.request.GET.get(self.filter_param, "")
        return value if value in self.filter_choices.values else ""

    def get_context_data(self, **kwargs):
        active = self.get_filter()
        filters = [{"value": "", "label": None, "active": not active}]
        filters += [
            {"value": value, "label": label, "active": value == active}
            for value, label in self.filter_choices.choices
        ]
        return super().get_context_data(active_filter=active, filters=filters, **kwargs)


class ProgrammeListView(ChoiceFilterMixin, ListView):
    """Cards of the programmes, filtered by level, and a table comparing all of them."""

    template_name = "pages/programme_list.html"
    context_object_name = "programmes"
    filter_param = "level"
    filter_choices = Level
    url_name = "programmes:list"

    def get_queryset(self):
        return Programme.objects.for_listing(get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        everything = list(context["programmes"])
        active = context["active_filter"]
        # One query for all: the cards are the comparison table's rows, filtered in Python.
        context["programmes"] = [p for p in everything if not active or p.level == active]
        context["compared"] = everything
        return context


class ProgrammeDetailView(TranslatableSlugMixin, DetailView):
    """One programme at its slug in the visitor's language; the switcher goes to the other slug."""

    template_name = "pages/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.published(get_language())

    def get_object(self, queryset=None):
        programme = super().get_object(queryset)
        set_language_changer(self.request, programme.get_absolute_url)
        return programme

    def get_context_data(self, **kwargs):
        programme = self.object
        return super().get_context_data(
            meta={"title": programme.title, "description": programme.summary},
            structured_data=structured_data.programme(self.request, programme),
            accreditations=programme.accreditations.prefetch_related("translations"),
            milestones=programme.milestones.chronological().prefetch_related("translations"),
            **kwargs,
        )


class MilestoneListView(ChoiceFilterMixin, ListView):
    """The partnership's story, oldest first, grouped by year, filtered by category."""

    template_name = "pages/milestone_list.html"
    context_object_name = "milestones"
    filter_param = "category"
    filter_choices = MilestoneCategory
    url_name = "milestones:list"

    def get_queryset(self):
        milestones = Milestone.objects.chronological().prefetch_related("translations")
        active = self.get_filter()
        return milestones.filter(category=active) if active else milestones

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = [
            {"year": year, "label": year_display(year), "milestones": list(items)}
            for year, items in groupby(context["milestones"], key=lambda milestone: milestone.date.year)
        ]
        return context
