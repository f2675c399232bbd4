from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from every registered provider, in every language."

    def handle(self, *args, **options):
        documents = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {documents} documents."))
