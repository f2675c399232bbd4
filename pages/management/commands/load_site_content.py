from cms.utils import apphook_reload
from django.core.management.base import BaseCommand

from news.services import load_news, setup_news_editors
from pages.loaders import load_college_data
from pages.services import load_page_tree
from search.registry import rebuild as rebuild_search_index


class Command(BaseCommand):
    help = (
        "Build and publish the bilingual site content from fixtures/. Idempotent: what exists "
        "already (and so anything staff have edited) is left alone."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        # The records first: the pages' plugins render them.
        records = load_college_data(log=log)
        created = load_page_tree(log=log)
        # Pages with applications (apphooks) may be new: this process's URLs must know them
        # before the search index asks pages for their addresses.
        apphook_reload.reload_urlconf()
        articles = load_news(log=log)
        setup_news_editors()
        documents = rebuild_search_index()
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Site content loaded: {records} college records, {created} page translations and "
                    f"{articles} articles created; {documents} documents in the search index; "
                    '"News editors" group ready.'
                )
            )
