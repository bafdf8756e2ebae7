from django.core.management.base import BaseCommand

from people.consent import check_consents
from people.tasks import check_consents_task


class Command(BaseCommand):
    help = (
        "Warn editors of consents that end soon and unpublish the pages of people whose consent "
        "has ended after the warning. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Leave the check to the task worker.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            check_consents_task.enqueue()
            self.stdout.write("Consent check enqueued.")
            return
        result = check_consents()
        self.stdout.write(
            f"{len(result['announced'])} consent(s) announced, {len(result['unpublished'])} page(s) unpublished."
        )
