from django.core.management.base import BaseCommand, CommandError

from jeiweb.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a complete backup (the database, exactly, and MEDIA_ROOT) into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to write, e.g. site.tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {manifest['engine']} database ({len(manifest['migrations'])} migrations applied) "
            f"and {manifest['media_files']} media files to {path}."
        )
