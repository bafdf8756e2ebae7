import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from programmes.factories import ProgrammePageFactory
from translations.roles import EDITORS, MODERATORS, translator_group_name

ROLE_GROUPS = {
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator-fr": translator_group_name("fr"),
    "translator-es": translator_group_name("es"),
}


def make_user(username, group_name=None):
    user = get_user_model().objects.create_user(
        username=username, password="pass-for-tests", is_staff=True, email=f"{username}@example.org"
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def users(roles):
    return {username: make_user(username, group) for username, group in ROLE_GROUPS.items()}


@pytest.fixture
def eu_guidelines(site_tree):
    """The EU Guidelines programme, published in English only."""
    return ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        title="Promoting the EU Guidelines on human rights defenders",
        slug="eu-guidelines",
        summary="The EU has promised to protect defenders.",
    )


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    ), response


def login(client, user):
    client.force_login(user)
    return client
