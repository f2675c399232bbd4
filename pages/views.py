"""The college's own pages, mounted on CMS pages by apphooks (see cms_apps.py)."""

from itertools import groupby
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from jeiweb.i18n import TranslatedViewMixin, get_translated_or_404, reverse_in
from pages import structured_data
from pages.admissions import admissions_box
from pages.comparison import compare
from pages.dates import year_display
from pages.models import Level, Milestone, MilestoneCategory, Programme, TeachingTeam
from pages.timeline import find_page, nearby, timeline_pages


class ChoiceFilterMixin(TranslatedViewMixin):
    """A list filtered by one GET parameter; a value that is not a choice shows the whole list.
    The switcher leads to the same list, with the same filter, in the other language."""

    filter_param = None
    filter_choices = None

    def get_filter(self):
        value = self.request.GET.get(self.filter_param, "")
        return value if value in self.filter_choices.values else ""

    def get_url_query(self):
        return {self.filter_param: self.get_filter()}

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
        return Programme.objects.for_listing(self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        everything = list(context["programmes"])
        active = context["active_filter"]
        # One query for all: the cards are the comparison table's rows, filtered in Python.
        context["programmes"] = [p for p in everything if not active or p.level == active]
        context["compared"] = everything
        context["comparison"], context["shared_facts"] = compare(everything)
        return context


class ProgrammeObjectMixin(TranslatedViewMixin):
    """A page of one programme, at its slug in the visitor's language."""

    def get_object(self, queryset=None):
        # Every translation at once: the switcher and hreflang need the other language's slug.
        return get_translated_or_404(
            Programme.objects.visible(self.language).prefetch_related("translations"), self.kwargs["slug"]
        )


class ProgrammeDetailView(ProgrammeObjectMixin, DetailView):
    """One programme at its slug in the visitor's language; the switcher goes to the other slug.
    With `?province=…`, its admissions box shows that province's places of the latest year."""

    template_name = "pages/programme_detail.html"
    context_object_name = "programme"

    def get_context_data(self, **kwargs):
        programme = self.object
        degrees = list(programme.degree_awards.prefetch_related("translations"))
        faqs = list(programme.faqs.visible(self.language).prefetch_related("translations"))
        url = programme.get_absolute_url()
        # The teaching teams of its imported courses, each linking to its page.
        teams = (
            TeachingTeam.objects.visible(self.language)
            .filter(programmes=programme)
            .prefetch_related("translations")
        )
        return super().get_context_data(
            meta={"title": programme.title, "description": programme.summary},
            structured_data=structured_data.programme(self.request, programme, degrees),
            faq_structured_data=faqs and structured_data.faq_page(self.request, faqs, url),
            degrees=degrees,
            curriculum=programme.curriculum_stages.prefetch_related("translations", Prefetch("teams", teams)),
            teams=teams,
            faqs=faqs,
            share_url=self.request.build_absolute_uri(url),
            share_title=programme.title,
            accreditations=programme.accreditations.prefetch_related("translations"),
            milestones=programme.milestones.visible(self.language)
            .chronological()
            .prefetch_related("translations"),
            **admissions_box(programme, self.request.GET),
            **kwargs,
        )


class MilestoneListView(ChoiceFilterMixin, ListView):
    """The partnership's story, oldest first, grouped by year, filtered by category, in pages
    of bounded size (see pages/timeline.py)."""

    template_name = "pages/milestone_list.html"
    context_object_name = "milestones"
    filter_param = "category"
    filter_choices = MilestoneCategory
    url_name = "milestones:list"
    page = None  # until found (a 404 page asks for the switcher's addresses too)

    def get_queryset(self):
        active = self.get_filter()
        self.pages = timeline_pages(self.language, active)
        self.page = find_page(self.pages, self.request.GET.get("page"), self.request.GET.get("year"))
        milestones = Milestone.objects.visible(self.language).chronological().prefetch_related("translations")
        milestones = milestones.filter(category=active) if active else milestones
        return self.page.milestones(milestones) if self.page else milestones.none()

    def part_query(self, language):
        """This part of the story's address in `language`: the first part is the list itself; a
        later one is the year it begins (page numbers shift as the story grows and differ
        between the languages, years do not), but for a part that goes on with the year before,
        which only its number names, in its own language."""
        page = self.page
        if page is None or page.number == 1:
            return {}
        if page.continued and language == self.language:
            return {"page": page.number}
        return {"year": page.first_year}

    def get_translated_url(self, language):
        query = {**self.get_url_query(), **self.part_query(language)}
        return reverse_in(language, self.url_name, query=query)

    def canonical_url(self):
        """A later part of the whole story is a page of its own for search engines; a filtered
        view is not (its canonical is the list, as for every filter on the site)."""
        if self.get_filter() or not self.part_query(self.language):
            return None
        return self.request.build_absolute_uri(self.get_translated_url(self.language))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = [
            {"year": year, "label": year_display(year), "milestones": list(items)}
            for year, items in groupby(context["milestones"], key=lambda milestone: milestone.date.year)
        ]
        context["timeline_pages"] = self.pages if len(self.pages) > 1 else []
        context["nearby_pages"] = nearby(self.pages, self.page) if context["timeline_pages"] else []
        context["timeline_page"] = self.page
        # The start of each part's link: the filter, then the page number.
        active = context["active_filter"]
        context["part_link"] = f"?{urlencode({self.filter_param: active})}&page=" if active else "?page="
        context["canonical_url"] = self.canonical_url()
        return context
