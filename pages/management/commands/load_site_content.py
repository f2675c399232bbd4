from django.core.management.base import BaseCommand

from pages.loaders import load_college_data
from pages.services import load_page_tree


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
        self.stdout.write(
            self.style.SUCCESS(
                f"Site content loaded: {records} college records and {created} page translations created."
            )
        )
