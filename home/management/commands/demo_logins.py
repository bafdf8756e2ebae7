from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.demo_users import DEMO_PASSWORD, demo_accounts


class Command(BaseCommand):
    help = "Print the demo accounts that exist in this database, with their password."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            return
        existing = set(
            get_user_model()
            .objects.filter(username__in=[name for name, *_ in demo_accounts()])
            .values_list("username", flat=True)
        )
        if not existing:
            return
        self.stdout.write("  Demo logins (local demo only), password for all: " + DEMO_PASSWORD)
        for username, role, _superuser in demo_accounts():
            if username in existing:
                self.stdout.write(f"    {username:<20} {role}")
