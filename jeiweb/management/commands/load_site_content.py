from django.core.management.base import BaseCommand

from jeiweb.content.loading import load_site_content


class Command(BaseCommand):
    help = (
        "Build and publish the bilingual site content from fixtures/, running every app's "
        "registered loader in order. Idempotent: what exists already (and so anything staff "
        "have edited) is left alone."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        reports = load_site_content(log=log)
        if options["verbosity"] > 0:
            lines = "; ".join(report.line for report in reports)
            self.stdout.write(self.style.SUCCESS(f"Site content loaded: {lines}."))
