from django.core.management.base import BaseCommand

from pages.services import load_page_tree
from search.index import rebuild as rebuild_search_index


class Command(BaseCommand):
    help = (
        "Build and publish the bilingual site content from fixtures/. Idempotent: what exists "
        "already (and so anything staff have edited) is left alone."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        created = load_page_tree(log=log)
        self.stdout.write(self.style.SUCCESS(f"Site content loaded: {created} page translations created."))
        documents = rebuild_search_index()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {documents} documents."))
