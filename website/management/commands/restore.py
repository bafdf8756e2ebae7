from django.core.management.base import BaseCommand

from website.backups import restore


class Command(BaseCommand):
    help = "Restore a backup folder (made by `manage.py backup`) into a fresh database and the media folders."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup's folder, e.g. backups/2026-12-03T120000Z")

    def handle(self, backup, **options):
        restore(backup)
        self.stdout.write(f"Restored {backup}.")
