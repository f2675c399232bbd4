from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The college: its records, the programmes and milestones apphooks, its plugins."""

    name = "pages"
    verbose_name = _("College")

    def load_content(self, log):
        """The college's records from fixtures/college/ (called by `load_site_content`)."""
        from pages.loaders import load_college_data

        return f"{load_college_data(log=log)} college records created"
