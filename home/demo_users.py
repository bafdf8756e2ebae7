"""Demo accounts: created only by the demo loader, never by migrations or in production."""

from django.conf.locale import LANG_INFO
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from translations.roles import EDITORS, MODERATORS, setup_roles, target_language_codes, translator_group_name

DEMO_PASSWORD = "demo-pass-2026"
STAFF_ACCOUNTS = [
    # (username, role shown to the person running `make run`, superuser?)
    ("admin", "administrator", True),
    ("editor", "editor: writes and submits English pages, manages images and documents", False),
    ("moderator", "moderator: reviews and publishes in every language", False),
]


def translator_accounts():
    """A demo translator for each language translators translate into, named after its code."""
    return [
        (
            f"translator-{code}",
            f"{LANG_INFO[code]['name']} translator: translates into {LANG_INFO[code]['name']}, submits for review",
            False,
        )
        for code in target_language_codes()
    ]


def demo_accounts():
    """(username, role, superuser?) of every demo account: the staff, then a translator per language."""
    return [*STAFF_ACCOUNTS, *translator_accounts()]


def demo_groups():
    """Each demo account's role group (translations.roles names them)."""
    return {
        "editor": EDITORS,
        "moderator": MODERATORS,
    } | {f"translator-{code}": translator_group_name(code) for code in target_language_codes()}


def load(log):
    setup_roles()
    groups = demo_groups()
    User = get_user_model()
    for username, role, superuser in demo_accounts():
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
