from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.audit import prune


class Command(BaseCommand):
    help = "Delete audit trail entries (Wagtail's log entries) older than AUDIT_RETENTION_DAYS. Run it daily."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="keep this many days instead of AUDIT_RETENTION_DAYS"
        )

    def handle(self, *args, days=None, **options):
        days = settings.AUDIT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        counts = prune(days)
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} entries older than {days} days deleted")
