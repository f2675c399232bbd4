"""The toolbar tells an editor, on the page itself, which of its translations need work."""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from jeiweb.admin.views import page_statuses


@toolbar_pool.register
class TranslationStatusToolbar(CMSToolbar):
    """A "Translations" menu on every CMS page for staff: each language missing, up to date or
    outdated (changed before the other language's last edit), linking to the dashboard."""

    def populate(self):
        page = getattr(self.request, "current_page", None)
        if not page or not self.request.user.is_staff:  # (a lazy object when there is no page)
            return
        rows = page_statuses([page])
        if not rows:
            return
        _page, _contents, languages = rows[0]
        needs_work = any(status.needs_work for status in languages)
        title = _("Translations: to do") if needs_work else _("Translations: up to date")
        menu = self.toolbar.get_or_create_menu("jeiweb-translations", title)
        dashboard = reverse("admin:translation-status")
        for status in languages:
            name = get_language_info(status.language)["name_local"]
            menu.add_link_item(f"{name}: {status.label}", url=dashboard)
