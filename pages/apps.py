from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The college: its records, the programmes and milestones apphooks, its plugins."""

    name = "pages"
    verbose_name = _("College")

    def ready(self):
        from jeiweb.content.loading import loaders
        from pages.loaders import load_college_data

        # After the page tree: the records' addresses are those of its apphooked pages.
        loaders.register("college", load_college_data, after=("pages",), reports="{} college records created")
