"""Signing in with a second factor: a code from the authenticator app, or a recovery code."""

import pytest
from django.urls import reverse

from accounts.two_factor import new_recovery_codes

from .conftest import current_code, enrol, sign_in, signed_in

pytestmark = pytest.mark.django_db


def test_a_user_with_an_app_signs_in_with_password_and_code(client, moderator):
    device = enrol(moderator)
    response = sign_in(client, "moderator", code=current_code(device))
    assert response.status_code == 302
    assert signed_in(client)
    assert client.get(reverse("wagtailadmin_home")).wsgi_request.user.is_verified()


@pytest.mark.parametrize("code", [None, "000000", "not a code"])
def test_without_the_right_code_the_password_is_not_enough(client, moderator, code):
    enrol(moderator)
    response = sign_in(client, "moderator", code=code)
    assert response.status_code == 200
    assert not signed_in(client)
    assert "Enter the current code from your authenticator app" in response.content.decode()


def test_a_recovery_code_signs_in_once(client, moderator):
    enrol(moderator)
    code = new_recovery_codes(moderator)[0]
    assert sign_in(client, "moderator", code=code).status_code == 302
    client.logout()
    assert sign_in(client, "moderator", code=code).status_code == 200
    assert not signed_in(client)


def test_wrong_codes_count_towards_the_lockout(client, moderator):
    device = enrol(moderator)
    for _ in range(5):
        sign_in(client, "moderator", code="123456")
    assert sign_in(client, "moderator", code=current_code(device)).status_code == 429
    assert not signed_in(client)


def test_a_user_without_an_app_signs_in_with_the_password_alone(client, editor):
    assert sign_in(client, "editor").status_code == 302
    assert signed_in(client)


def test_the_sign_in_form_offers_the_code_field(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert 'name="otp_token"' in response.content.decode()
    assert 'autocomplete="one-time-code"' in response.content.decode()
