"""Published articles and events in sitemap.xml, each in the languages it is written in, and
the news list pages: the archive by year, the categories, the events lists."""

from collections import defaultdict

from django.db.models import Max
from django.db.models.functions import ExtractYear
from django.urls import NoReverseMatch

from jeiweb.i18n import language_codes
from jeiweb.seo.sitemaps import ListPage, ListPageSitemap, TranslatedObjectSitemap
from news.models import Article, Category, Event, news_url


class ArticleSitemap(TranslatedObjectSitemap):
    section = "articles"
    model = Article
    ordering = ("-publication_start", "pk")
    url_name = "news:article-detail"


class EventSitemap(TranslatedObjectSitemap):
    section = "events"
    model = Event
    ordering = ("-start", "pk")
    url_name = "news:event-detail"


def _addresses(url_for, languages=None):
    """{language: url_for(language)} in the site's order of languages (those of `languages`
    only, if given), leaving out a language where the page has no address (NoReverseMatch:
    the news page is not published in it)."""
    addresses = {}
    for language in language_codes():
        if languages is None or language in languages:
            try:
                addresses[language] = url_for(language)
            except NoReverseMatch:
                continue
    return addresses


class NewsListSitemap(ListPageSitemap):
    """The news archive of each year and each category, in the languages where it holds a
    visible article (the rule of the pages themselves), then the upcoming and the past events
    in every language. The news list itself is the CMS page the app hangs on (CMSPageSitemap)."""

    section = "news-lists"

    def list_pages(self):
        events = [
            ListPage(_addresses(lambda language, name=name: news_url(name, language)))
            for name in ("event-list", "event-past")
        ]
        return [page for page in [*self.archive_years(), *self.categories(), *events] if page.addresses]

    def archive_years(self):
        changes = defaultdict(dict)  # {year: {language: latest change of its visible articles}}
        for language in language_codes():
            years = (
                Article.objects.visible(language)
                .annotate(year=ExtractYear("publication_start"))
                .order_by()
                .values_list("year")
                .annotate(latest=Max("modified"))
            )
            for year, latest in years:
                changes[year][language] = latest
        return [
            ListPage(
                _addresses(lambda language, year=year: news_url("archive", language, year=year), languages),
                lastmod=max(languages.values()),
            )
            for year, languages in sorted(changes.items(), reverse=True)
        ]

    def categories(self):
        categories, changes = {}, defaultdict(dict)
        for language in language_codes():
            visible = Category.objects.visible(language).annotate(latest=Max("article__modified"))
            for category in visible.prefetch_related("translations"):
                categories.setdefault(category.pk, category)
                changes[category.pk][language] = category.latest
        return [
            ListPage(_addresses(category.get_absolute_url, changes[pk]), lastmod=max(changes[pk].values()))
            for pk, category in categories.items()
        ]
