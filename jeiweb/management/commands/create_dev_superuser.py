from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from jeiweb.admin.second_factor.devices import DEV_SUPERUSER

# The one account that may skip the second factor, and only while DEBUG is on.
USERNAME = DEV_SUPERUSER
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create the local development superuser admin/admin (refused unless DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a superuser with a known password: DEBUG is off.")
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user_model.objects.create_superuser(USERNAME, "", PASSWORD)
        self.stdout.write(
            f"Log into /en/admin/ or /zh-hans/admin/ as {USERNAME} / {PASSWORD} (local development only)."
        )
