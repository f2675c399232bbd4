"""The translation dashboard: what needs translating, across CMS pages and every translated record."""

from collections import defaultdict
from pathlib import Path

from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from djangocms_versioning.models import Version

from jeiweb.admin.translations import TranslationsAdmin
from jeiweb.i18n.status import needing_work, record_statuses, statuses


def page_statuses(only=None):
    """[(page, {language: PageContent}, [LanguageStatus])] for every CMS page (or those of
    `only`): a language's time is its latest version's (djangocms-versioning updates it on
    every edit of the content)."""
    contents = PageContent.admin_manager.select_related("page")
    if only is not None:
        contents = contents.filter(page__in=only)
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent),
        object_id__in=[content.pk for content in contents],
    )
    modified = dict(versions.values_list("object_id", "modified"))
    latest = defaultdict(dict)  # page → language → (time, content)
    pages = {}
    for content in contents:
        time = modified.get(content.pk)
        if time is None:
            continue
        pages[content.page_id] = content.page
        current = latest[content.page_id].get(content.language)
        if current is None or time > current[0]:
            latest[content.page_id][content.language] = (time, content)
    rows = []
    for page_id, by_language in latest.items():
        times = {language: time for language, (time, _content) in by_language.items()}
        content_by_language = {language: content for language, (_time, content) in by_language.items()}
        rows.append((pages[page_id], content_by_language, statuses(times)))
    return rows


# Rows per section of the translation status page; each section is paged on its own.
ROWS_PER_PAGE = 50


def page_rows():
    """The translation status page's rows for the CMS pages that need work (a few dozen pages:
    read whole, then paged like the records)."""
    rows = []
    for _page, contents, page_languages in page_statuses():
        if any(status.needs_work for status in page_languages):
            source = next(
                (contents[s.language] for s in page_languages if s.language in contents and not s.needs_work),
                next(iter(contents.values())),
            )
            title = next(iter(contents.values())).title
            rows.append({"title": title, "url": get_object_edit_url(source), "statuses": page_languages})
    return rows


def record_rows(model, records):
    """The translation status page's rows for `records` (a page of them)."""
    opts = model._meta
    rows = []
    for obj in records:
        record_languages = record_statuses(obj)
        todo = next(status.language for status in record_languages if status.needs_work)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        rows.append({"title": str(obj), "url": f"{url}?language={todo}", "statuses": record_languages})
    return rows


def section(request, key, name, items, rows_of=list):
    """One section of the page: the page of `items` its parameter `key` asks for (the first by
    default, the last when past it), and its rows."""
    page = Paginator(items, ROWS_PER_PAGE).get_page(request.GET.get(key))
    return {"key": key, "name": name, "page": page, "rows": rows_of(page.object_list)}


def translation_status_view(request):
    """Every page and record whose translation is missing or outdated (admin: staff only), in
    sections paged on their own: a constant number of queries whatever the size of the archive."""
    sections = []
    if request.user.has_perm("cms.change_page"):
        sections.append(section(request, "cms.page", pgettext_lazy("the CMS pages", "Pages"), page_rows()))
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, TranslationsAdmin) or not model_admin.has_view_permission(request):
            continue
        records = needing_work(model._default_manager.all()).prefetch_related("translations")
        found = section(
            request,
            model._meta.label_lower,
            model._meta.verbose_name_plural,
            records,
            lambda page, model=model: record_rows(model, page),
        )
        if found["page"].paginator.count:
            sections.append(found)
    context = {
        **admin.site.each_context(request),
        "title": _("Translations to do"),
        "sections": sections,
    }
    return TemplateResponse(request, "admin/translation_status.html", context)


def editors_guide_view(request):
    """The editor's guide (docs/editors.md), as text, from the admin index (staff only)."""
    guide = Path(settings.BASE_DIR) / "docs" / "editors.md"
    return HttpResponse(guide.read_text(encoding="utf-8"), content_type="text/plain; charset=utf-8")
