"""Administrators and moderators must use a second factor where TWO_FACTOR_REQUIRED says so."""

import pytest
from django.urls import reverse

from .conftest import current_code, enrol, sign_in, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.mark.parametrize("who", ["moderator", "admin_user"])
def test_a_moderator_or_administrator_without_an_app_is_sent_to_set_one_up(client, required, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_two_factor") + "?next=")
    assert client.get(reverse("accounts_two_factor")).status_code == 200


def test_an_editor_is_not_asked_unless_every_user_must(client, settings, required, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    settings.TWO_FACTOR_REQUIRED_FOR_ALL = True
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("accounts_two_factor"))


def test_a_session_not_verified_with_the_app_is_ended(client, required, moderator):
    enrol(moderator)
    client.force_login(moderator)  # a session from before the user enrolled
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not signed_in(client)


def test_a_moderator_who_signed_in_with_the_code_works_as_usual(client, required, moderator):
    device = enrol(moderator)
    sign_in(client, "moderator", code=current_code(device))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_nothing_is_required_by_default_in_dev_and_test(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_public_pages_and_the_api_are_not_concerned(client, required, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert not response.cookies
