from django.core.management.base import BaseCommand

from news.services import load_news, setup_news_editors
from pages.services import load_page_tree


class Command(BaseCommand):
    help = (
        "Build and publish the bilingual site content from fixtures/. Idempotent: what exists "
        "already (and so anything staff have edited) is left alone."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        created = load_page_tree(log=log)
        self.stdout.write(self.style.SUCCESS(f"Site content loaded: {created} page translations created."))
        articles = load_news(log=log)
        setup_news_editors()
        self.stdout.write(
            self.style.SUCCESS(f'News loaded: {articles} articles created; "News editors" group ready.')
        )
