from django.core.management.base import BaseCommand, CommandError

from jeiweb.ops.backup import BackupError, restore, unknown_migrations


class Command(BaseCommand):
    help = "Restore a backup written by backup_site into an empty database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file, e.g. site.tar.gz")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace whatever the database holds (everything in it is lost)",
        )

    def handle(self, *args, path, force, **options):
        try:
            manifest = restore(path, force=force)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['engine']} database and {manifest['media_files']} media files "
            f"from {path} (backed up {manifest['created']})."
        )
        newer = unknown_migrations(manifest)
        if newer:
            self.stderr.write(
                "This backup was made by newer code (migrations unknown here: "
                f"{', '.join(newer[:5])}): deploy that code before serving it."
            )
        else:
            self.stdout.write("Run `manage.py migrate` if this code is newer than the backup.")
