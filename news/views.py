"""What visitors (and previewing staff) see of the news and events, in the active language.

Each view says what its page is called (`meta`, the `<title>` and description; `heading`, its
H1), and where the language switcher leads (jeiweb.i18n.TranslatedViewMixin).
"""

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, View

from jeiweb.i18n import TranslatedViewMixin, get_translated_or_404
from jeiweb.seo.meta import cms_page_meta
from jeiweb.seo.structured_data import plain
from pages.models import Milestone, Programme

from . import structured_data
from .bookings.views import BookingFormMixin
from .ical import calendar_for
from .models import Article, Event, news_url
from .selectors import (
    CountedPaginator,
    archive_years,
    attach_categories,
    for_cards,
    neighbour,
    published_categories,
    published_category,
    with_relations_flags,
)

# News of a year outside these is not there (and a year near datetime's limits would overflow
# once shifted to Beijing time).
MIN_YEAR, MAX_YEAR = 1900, 2999


class ArticleListView(TranslatedViewMixin, ListView):
    """Newest first, ten to a page; optionally one category (`category/<slug>/`) or one year
    (`archive/<year>/`). A page past the end, a page that is not a number, an unknown category or
    an impossible year is a 404."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 10

    def get(self, request, *args, **kwargs):
        self.category = None
        # django CMS hands apphook views their URL arguments as strings, converter or not.
        self.year = int(kwargs["year"]) if "year" in kwargs else None
        if self.year is not None and (
            not MIN_YEAR <= self.year <= MAX_YEAR or kwargs["year"] != str(self.year)  # "02024"
        ):
            raise Http404(_("No news in that year."))
        if "category" in kwargs:
            self.category = published_category(self.language, kwargs["category"])
        return super().get(request, *args, **kwargs)

    def get_paginator(self, queryset, per_page, **kwargs):
        category = self.category.pk if self.category else ""
        key = f"news-count:{self.language}:{category}:{self.year or ''}"
        return CountedPaginator(queryset, per_page, count_key=key, **kwargs)

    def get_translated_url(self, language):
        if self.category is not None:
            return self.category.get_absolute_url(language)
        if self.year is not None:
            return news_url("archive", language, year=self.year)
        return news_url("article-list", language)

    def get_queryset(self):
        queryset = for_cards(Article.objects.visible(self.language))
        if self.category is not None:
            queryset = queryset.filter(categories=self.category)
        if self.year is not None:
            queryset = queryset.filter(publication_start__year=self.year)
        return queryset

    def get_heading(self):
        if self.category is not None:
            return self.category.name
        if self.year is not None:
            return _("News of %(year)s") % {"year": self.year}
        page = getattr(self.request, "current_page", None)
        content = page.get_content_obj(self.language) if page else None
        return content.title if content else _("News")

    def get_meta(self, page_number):
        title = self.get_heading() if self.category or self.year else cms_page_meta(self.request)["title"]
        if page_number > 1:
            title = f"{title} ({_('page %(number)s') % {'number': page_number}})"
        return {"title": title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page_number = context["page_obj"].number
        context["articles"] = attach_categories(context["articles"], self.language)
        context.update(
            category=self.category,
            year=self.year,
            heading=self.get_heading(),
            meta=self.get_meta(page_number),
            categories=published_categories(self.language),
            years=archive_years(self.language),
            upcoming_events=Event.objects.upcoming(language=self.language).prefetch_related("translations")[
                :3
            ],
            is_index=self.category is None and self.year is None and page_number == 1,
        )
        return context


class StaffPreviewMixin:
    """A detail page that staff who may change its model also see before it is visible (a draft,
    a scheduled or a submitted record: what an approver reviews), marked as a preview, kept out of
    search engines and never cached."""

    def previewable(self):
        """The records this request may see at their address."""
        opts = self.model._meta
        if self.request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return self.model.objects.all()
        return self.model.objects.visible()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=not self.object.is_visible(), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
        return response


class ArticleDetailView(StaffPreviewMixin, TranslatedViewMixin, DetailView):
    """An article at its address in the visitor's language (staff: a preview before it is visible)."""

    model = Article
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        articles = self.previewable()
        article = get_translated_or_404(
            with_relations_flags(articles.select_related("featured_image").prefetch_related("translations")),
            self.kwargs["slug"],
        )
        # Related programmes and milestones are rare: fetched only for an article that has some.
        self.related_programmes = (
            Programme.objects.visible(self.language).filter(articles=article).prefetch_related("translations")
            if article.has_programmes
            else []
        )
        self.related_milestones = (
            Milestone.objects.visible(self.language)
            .filter(articles=article)
            .chronological()
            .prefetch_related("translations")
            if article.has_milestones
            else []
        )
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        language = self.language
        published = Article.objects.visible(language).exclude(pk=article.pk)
        earlier = published.filter(publication_start__lt=article.publication_start)
        later = published.filter(publication_start__gt=article.publication_start)
        # Sharing a category, tested per article (EXISTS) rather than by a join and DISTINCT:
        # newest first along the list's index, it stops at the third.
        links = Article.categories.through.objects
        its_categories = links.filter(article=article).values("category_id")
        shares_one = Exists(links.filter(article=OuterRef("pk"), category__in=its_categories))
        related = for_cards(published.filter(shares_one))[:3]
        # One query for the categories of the article and of its related cards.
        article, *related_articles = attach_categories([article, *related], language)
        image_url = article.featured_image.url if article.featured_image else None
        context.update(
            previous_article=neighbour(earlier, language, "-publication_start", "-pk"),
            next_article=neighbour(later, language, "publication_start", "pk"),
            related_articles=related_articles,
            related_programmes=self.related_programmes,
            related_milestones=self.related_milestones,
            related_events=Event.objects.visible(language)
            .filter(article=article)
            .prefetch_related("translations")
            if article.has_events
            else [],
            share_url=self.request.build_absolute_uri(article.get_absolute_url()),
            meta={
                "title": article.title,
                "description": article.summary,
                "type": "article",
                "image": self.request.build_absolute_uri(image_url) if image_url else None,
                "image_alt": article.image_alt,
            },
            structured_data=structured_data.article(self.request, article),
        )
        return context


class EventListView(TranslatedViewMixin, ListView):
    """Upcoming events, soonest first; or past events, latest first."""

    template_name = "news/event_list.html"
    context_object_name = "events"
    paginate_by = 20
    past = False

    @property
    def url_name(self):
        return "news:event-past" if self.past else "news:event-list"

    def get_queryset(self):
        events = Event.objects.prefetch_related("translations")
        return events.past(language=self.language) if self.past else events.upcoming(language=self.language)

    def get_context_data(self, **kwargs):
        title = _("Past events") if self.past else _("Upcoming events")
        return super().get_context_data(past=self.past, heading=title, meta={"title": title}, **kwargs)


# No CSRF token in the booking form: see news/bookings/views.py.
@method_decorator(csrf_exempt, name="dispatch")
class EventDetailView(StaffPreviewMixin, BookingFormMixin, TranslatedViewMixin, DetailView):
    """An event at its address in the visitor's language (staff: a preview before it is visible);
    if staff opened registration on this site, the places left and the booking form (a POST
    books: news/bookings/views.py)."""

    model = Event
    template_name = "news/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        return get_translated_or_404(
            self.previewable().select_related("article", "registration").prefetch_related("translations"),
            self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        article = event.article
        visible = article is not None and article.is_visible() and article.has_translation(self.language)
        context["related_article"] = article if visible else None
        context["meta"] = {"title": event.title, "description": plain(event.description)}
        context["structured_data"] = structured_data.event(self.request, event)
        context.update(self.registration_context(event, form=kwargs.get("booking_form")))
        return context


def calendar_response(request, events, name, filename=None):
    response = HttpResponse(
        calendar_for(events, request.build_absolute_uri, name), content_type="text/calendar; charset=utf-8"
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIcsView(View):
    """One event as an .ics file, to add to a calendar."""

    def get(self, request, slug):
        event = get_translated_or_404(Event.objects.visible().prefetch_related("translations"), slug)
        return calendar_response(request, [event], event.title, filename=f"{slug}.ics")


class EventCalendarView(View):
    """The upcoming events as a calendar feed that visitors subscribe to."""

    def get(self, request):
        events = Event.objects.upcoming(language=get_language())
        return calendar_response(
            request,
            events.prefetch_related("translations"),
            _("CQMU–UoL Joint Educational Institute events"),
        )
