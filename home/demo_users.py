"""Demo accounts: created only by the demo loader, never by migrations or in production."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from translations.roles import EDITORS, MODERATORS, setup_roles, translator_group_name

DEMO_PASSWORD = "demo-pass-2026"
DEMO_ACCOUNTS = [
    # (username, role shown to the person running `make run`, superuser?)
    ("admin", "administrator", True),
    ("editor", "editor: writes and submits English pages, manages images and documents", False),
    ("moderator", "moderator: reviews and publishes in every language", False),
    ("translator-fr", "French translator: translates into French, submits for review", False),
    ("translator-es", "Spanish translator: translates into Spanish, submits for review", False),
]


def demo_groups():
    """Each demo account's role group (translations.roles names them)."""
    return {
        "editor": EDITORS,
        "moderator": MODERATORS,
        "translator-fr": translator_group_name("fr"),
        "translator-es": translator_group_name("es"),
    }


def load(log):
    setup_roles()
    groups = demo_groups()
    User = get_user_model()
    for username, role, superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "is_superuser": superuser, "email": f"{username}@example.org"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            log(f"User: {username} ({role})")
        if username in groups:
            user.groups.add(Group.objects.get(name=groups[username]))
