from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pages.models import ContactSubmission


class Command(BaseCommand):
    help = (
        "Delete contact form messages older than CONTACT_SUBMISSION_RETENTION_DAYS (the privacy "
        "page promises it). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="keep this many days instead of CONTACT_SUBMISSION_RETENTION_DAYS",
        )

    def handle(self, *args, days=None, **options):
        days = settings.CONTACT_SUBMISSION_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = ContactSubmission.objects.filter(submit_time__lt=cutoff).delete()
        self.stdout.write(f"{deleted} contact form messages older than {days} days deleted")
