from django.core.management.base import BaseCommand

from website.backups import back_up


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder under FOLDER (website/backups.py)."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default="backups")

    def handle(self, folder, **options):
        target = back_up(folder)
        self.stdout.write(str(target))
