"""The sitemap's building blocks: CMS pages, and any object translated with django-parler.

/sitemap.xml is an index of parts (/sitemap-<section>.xml, then ?p=2…), each of at most
`limit` objects, so a part costs the same with 10 articles or 10,000 (a crawler waits for
none). The CMS pages: one <url> per page and language, with hreflang alternates (django CMS's
own CMSSitemap lists no alternates; Django's sitemap framework does, given `i18n` and
`alternates`). The list pages of an app (a year of news, a category) are `ListPage`s.
"""

from dataclasses import dataclass
from datetime import datetime

from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.utils.functional import cached_property
from django.utils.translation import get_language

from jeiweb.cache.pages import per_version
from jeiweb.i18n import language_codes, reverse_in

# A part lists at most this many objects (each in its languages: up to twice as many <url>s).
OBJECTS_PER_PART = 500


class CMSPageSitemap(Sitemap):
    section = "pages"
    i18n = True
    alternates = True
    # No x_default: Django's would strip the language prefix (/about/), which a Chinese
    # visitor's browser would then send to /zh-hans/about/, a 404 (the Chinese slug differs).

    def items(self):
        published = PageContent.objects.filter(redirect__isnull=True).order_by("language")
        return (
            Page.objects.filter(site_id=settings.SITE_ID, login_required=False, pagecontent_set__in=published)
            .distinct()
            .prefetch_related(
                "urls", Prefetch("pagecontent_set", queryset=published, to_attr="published_contents")
            )
            .order_by("path")
        )

    def get_languages_for_item(self, page):
        return [content.language for content in page.published_contents]

    def location(self, page):
        return page.get_absolute_url(get_language())

    def lastmod(self, page):
        # Django asks for lastmod per page, not per language: the latest change in any language.
        return max(content.changed_date for content in page.published_contents)

    def get_latest_lastmod(self):
        return PageContent.objects.filter(page__site_id=settings.SITE_ID).aggregate(Max("changed_date"))[
            "changed_date__max"
        ]


class PartOfItems:
    """The (object, language) pairs of a sitemap, paginated by object: `len()` counts objects
    (once per content change), a slice loads only those objects and their translations."""

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def __len__(self):
        return per_version(f"sitemap-count:{self.sitemap.section}", self.sitemap.items().count)

    def __getitem__(self, part):
        return [
            (obj, language)
            for obj in self.sitemap.items()[part]
            for language in self.sitemap.get_languages_for_item(obj)
        ]


class TranslatedObjectSitemap(Sitemap):
    """Objects translated with django-parler: one <url> per language they are written in.

    `items()` is a queryset in a stable order: by default the objects of `model` that visitors
    see (the publishing rule, as the lists, the feeds and the search), in `ordering`.
    `url_name` is the view of an object's page, whose only argument is its slug: the address is
    built by joining the slug to the view's address reversed once per language (reversing for
    each URL was two thirds of the sitemap's time).
    """

    i18n = True
    alternates = True
    limit = OBJECTS_PER_PART
    section = None  # each subclass names its part of the index (jeiweb/urls.py)
    model = None
    ordering = ("pk",)
    url_name = None
    SLUG = "SLUG-PLACEHOLDER"

    def items(self):
        return self.model.objects.visible().prefetch_related("translations").order_by(*self.ordering)

    @property
    def paginator(self):
        return Paginator(PartOfItems(self), self.limit)

    def get_languages_for_item(self, obj):
        languages = {translation.language_code for translation in obj.translations.all()}
        return [code for code in language_codes() if code in languages]

    @cached_property
    def url_patterns(self):
        """{language: (before the slug, after it)} of the object's page."""
        return {
            language: tuple(reverse_in(language, self.url_name, slug=self.SLUG).split(self.SLUG))
            for language in language_codes()
        }

    def location(self, obj):
        language = get_language()
        before, after = self.url_patterns[language]
        translation = next(t for t in obj.translations.all() if t.language_code == language)
        return f"{before}{translation.slug}{after}"

    def lastmod(self, obj):
        return getattr(obj, "modified", None)

    def get_latest_lastmod(self):
        if not hasattr(self.items().model, "modified"):
            return None
        return per_version(
            f"sitemap-lastmod:{self.section}",
            lambda: self.items().aggregate(Max("modified"))["modified__max"],
        )


@dataclass(frozen=True)
class ListPage:
    """A page that lists content (a year of the news archive, a category, the events): its
    address in each language it has something to list in, and the latest change of what it
    lists (None where the list changes with time rather than with edits)."""

    addresses: dict
    lastmod: datetime | None = None


class ListPageSitemap(Sitemap):
    """The list pages of an app, each in the languages it has an address in (`ListPage`),
    with hreflang alternates. They are few (a year, a category): one part, no paging.
    Subclasses name their `section` and build the pages in `list_pages()`."""

    i18n = True
    alternates = True
    section = None

    def list_pages(self):
        raise NotImplementedError

    def items(self):
        # Asked by the index (count, latest change) and by the part: built once per content change.
        return per_version(f"sitemap-items:{self.section}", self.list_pages)

    def get_languages_for_item(self, page):
        return list(page.addresses)

    def location(self, page):
        return page.addresses[get_language()]

    def lastmod(self, page):
        return page.lastmod

    def get_latest_lastmod(self):
        return max((page.lastmod for page in self.items() if page.lastmod is not None), default=None)
