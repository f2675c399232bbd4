"""The admissions pages: a programme's places and results by province, its downloads, the charter.

The visitor's choice of province and track lives in the address (`?province=…&track=…`), so a
shared link shows the same table, and each choice is a page of the page cache of its own.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from jeiweb.i18n import TranslatedViewMixin, reverse_in, translated_url
from pages.admissions import AdmissionsTable, Choice, has_records, latest_charter
from pages.charts import rank_chart
from pages.models import AdmissionsCharter, CostOfStudy, Province
from pages.views import ProgrammeObjectMixin


def provinces():
    return list(Province.objects.prefetch_related("translations"))


def chart_of(table):
    """The lowest-rank chart (two years or more), titled and described for screen readers."""
    points = table.ranks
    if len(points) < 2:
        return ""
    values = {"province": table.choice.province, "track": table.choice.track_label()}
    title = _("Lowest rank admitted, %(province)s, %(track)s") % values
    description = _(
        "From rank %(first)s in %(first_year)s to rank %(last)s in %(last_year)s. "
        "The rank axis is inverted: higher on the chart is a better (smaller) rank."
    ) % {"first": points[0][1], "first_year": points[0][0], "last": points[-1][1], "last_year": points[-1][0]}
    return {"svg": rank_chart(points, title, description), "description": description}


class AdmissionsMixin(ProgrammeObjectMixin):
    """A programme's table for the province and track in the address."""

    def get_table(self):
        self.provinces = provinces()
        self.choice = Choice.read(self.request.GET, self.provinces)
        return AdmissionsTable.of(self.object, self.choice)

    def get_translated_languages(self):
        programme = getattr(self, "object", None)
        return list(programme.get_available_languages()) if programme is not None else None

    def get_translated_url(self, language):
        programme, choice = getattr(self, "object", None), getattr(self, "choice", None)
        if programme is None:
            return reverse_in(language, "programmes:list")
        url = translated_url(programme, self.url_name, language)
        return f"{url}?{urlencode(choice.query)}" if choice and choice.province else url


class ProgrammeAdmissionsView(AdmissionsMixin, DetailView):
    """Places, scores and the lowest rank of each year, as a table and a chart, with downloads."""

    template_name = "pages/programme_admissions.html"
    context_object_name = "programme"
    url_name = "programmes:admissions"

    def get_context_data(self, **kwargs):
        programme = self.object
        table = self.get_table()
        title = _("%(programme)s: places and results by province") % {"programme": programme.title}
        downloads = {
            extension: reverse_in(
                None, f"programmes:admissions-{extension}", query=self.choice.query, slug=programme.slug
            )
            for extension in ("csv", "json")
        }
        return super().get_context_data(
            meta={"title": title, "description": programme.summary},
            page_title=title,
            provinces=self.provinces,
            choice=self.choice,
            tracks=[(track, track.label) for track in self.choice.province.tracks]
            if self.choice.province
            else [],
            table=table,
            chart=chart_of(table),
            published=bool(table.records) or has_records(programme),
            downloads=downloads,
            cost=CostOfStudy.objects.current_for(programme),
            charter=latest_charter(),
            **kwargs,
        )


class AdmissionsDownloadView(AdmissionsMixin, DetailView):
    """The table of the page as a file: CSV (UTF-8 with a BOM, for Excel) or JSON."""

    extension = None
    url_name = "programmes:admissions"
    content_types = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

    def render_to_response(self, context, **kwargs):
        table = self.get_table()
        if self.choice.province is None:
            raise Http404(_("Choose a province."))
        content = table.as_csv() if self.extension == "csv" else table.as_json()
        response = HttpResponse(content, content_type=self.content_types[self.extension])
        name = f"{self.object.key}-{self.choice.province.key}-{self.choice.track}.{self.extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs):
        return {}


class CharterDetailView(TranslatedViewMixin, DetailView):
    """A year's admissions charter, with what changed from the year before."""

    template_name = "pages/charter_detail.html"
    context_object_name = "charter"

    def get_object(self, queryset=None):
        charters = AdmissionsCharter.objects.visible(get_language()).prefetch_related("translations")
        charter = charters.filter(year=self.kwargs["year"]).first()
        if charter is None:
            raise Http404(_("Nothing is published at this address."))
        self.previous = charters.filter(year__lt=charter.year).order_by("-year").first()
        return charter

    def get_context_data(self, **kwargs):
        charter = self.object
        return super().get_context_data(
            meta={"title": charter.title, "description": charter.title},
            previous=self.previous,
            changes=charter.changes_from(self.previous) if self.previous else None,
            **kwargs,
        )
