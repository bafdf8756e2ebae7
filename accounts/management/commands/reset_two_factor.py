from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from accounts.two_factor import remove_devices


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes (a lost phone). Where two-factor "
        "authentication is required, they set up a new app at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        remove_devices(user)
        log(user, "accounts.two_factor_disabled", data={"by": "reset_two_factor command"})
        self.stdout.write(f"Two-factor authentication removed for {username}.")
