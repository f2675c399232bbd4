"""The search providers of the search app itself: django CMS pages.

Other apps register theirs in their own `searchable.py` (see search/documents.py).
"""

from collections import defaultdict

from cms import operations
from cms.models import Page, PageContent
from cms.signals import post_obj_operation
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from djangocms_text.models import Text
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from jeiweb.i18n import language_codes
from search import indexing
from search.documents import Entry, SearchProvider, html_to_text
from search.indexing import register

REINDEXING_OPERATIONS = {
    constants.OPERATION_PUBLISH,
    constants.OPERATION_UNPUBLISH,
    constants.OPERATION_ARCHIVE,
}


@register
class CMSPageProvider(SearchProvider):
    """Published CMS pages: title, meta description and the text of their text plugins.

    `PageContent.objects` sees only published content (djangocms-versioning), so a draft is
    never indexed. Publishing, unpublishing or archiving a version reindexes that page and
    its descendants (whose URLs hang on its slug) in the version's language; moving a page in
    the page tree reindexes it and its descendants in every language.
    """

    kind = "page"
    label = _("Page")
    # A page of the site tells what the institute is and does: above news and history.
    weight = 20
    # Pages that answer an applicant's question weigh as much as a programme, by reverse_id.
    weight_by_reverse_id = {"contact": 30}

    def key(self, page_id):
        return f"page:{page_id}"

    def entries(self, language, pages=None):
        contents = PageContent.objects.filter(
            language=language,
            page__site_id=settings.SITE_ID,
            page__login_required=False,
            page__is_page_type=False,
        ).select_related("page")
        if pages is not None:
            contents = contents.filter(page__in=pages)
        contents = list(contents.prefetch_related("page__urls"))
        texts = defaultdict(list)
        plugins = Text.objects.filter(
            placeholder__content_type=ContentType.objects.get_for_model(PageContent),
            placeholder__object_id__in=[content.pk for content in contents],
            language=language,
        ).order_by("placeholder_id", "position")
        for object_id, body in plugins.values_list("placeholder__object_id", "body"):
            texts[object_id].append(html_to_text(body))
        for content in contents:
            page = content.page
            yield Entry(
                key=self.key(page.pk),
                url=page.get_absolute_url(language, fallback=False) or "",
                title=content.page_title or content.title,
                text=" ".join([content.meta_description or "", *texts[content.pk]]),
                weight=self.weight_by_reverse_id.get(page.reverse_id),
            )

    def reindex(self, page, language):
        pages = [page, *page.get_descendant_pages()]
        indexing.replace(self, language, self.entries(language, pages), keys=[self.key(p.pk) for p in pages])

    def _version_changed(self, sender, operation, obj, **kwargs):
        if operation in REINDEXING_OPERATIONS:
            self.reindex(obj.content.page, obj.content.language)

    def _page_moved(self, sender, operation, obj=None, **kwargs):
        if operation == operations.MOVE_PAGE and obj is not None:
            for language in language_codes():
                self.reindex(obj, language)

    def _page_deleted(self, sender, instance, **kwargs):
        indexing.remove(self, [self.key(instance.pk)])

    def connect(self):
        post_version_operation.connect(self._version_changed, sender=PageContent, dispatch_uid="search:page")
        post_obj_operation.connect(self._page_moved, sender=Page, dispatch_uid="search:page:move")
        post_delete.connect(self._page_deleted, sender=Page, dispatch_uid="search:page:delete")

    def disconnect(self):
        post_version_operation.disconnect(sender=PageContent, dispatch_uid="search:page")
        post_obj_operation.disconnect(sender=Page, dispatch_uid="search:page:move")
        post_delete.disconnect(sender=Page, dispatch_uid="search:page:delete")
