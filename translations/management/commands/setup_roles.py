from django.core.management.base import BaseCommand

from translations.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or correct the Editors, Moderators and per-language Translators groups, their "
        "permissions and the Review workflow. Safe to run again: it changes only what differs."
    )

    def handle(self, *args, verbosity=1, **options):
        changes = setup_roles()
        if verbosity > 1:
            for line in changes:
                self.stdout.write(f"  {line}")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Roles are set up ({len(changes)} change{'s' if len(changes) != 1 else ''})."
                )
            )
