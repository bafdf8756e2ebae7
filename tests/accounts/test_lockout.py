"""Repeated failed sign-ins lock the account and the address (django-axes), and say nothing more."""

import pytest
from axes.models import AccessAttempt

from .conftest import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.django_db


def main_text(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_fifty_wrong_passwords_lock_the_account_and_the_right_one_then_fails(client, editor):
    answers = [sign_in(client, "editor", password=f"guess-{n}").status_code for n in range(50)]

    # The form again ("didn't match") four times; the fifth failure locks.
    assert answers[:4] == [200] * 4
    assert set(answers[4:]) == {429}
    locked = sign_in(client, "editor", password=PASSWORD)
    assert locked.status_code == 429
    assert not signed_in(client)
    assert "Too many failed sign-ins" in locked.content.decode()
    assert int(locked["Retry-After"]) == 15 * 60


def test_the_account_stays_locked_from_another_address(client, editor):
    for n in range(5):
        sign_in(client, "editor", password=f"guess-{n}", address=f"203.0.{n}.9")
    assert sign_in(client, "editor", password=PASSWORD, address="192.0.2.44").status_code == 429
    assert not signed_in(client)


def test_one_address_trying_many_accounts_is_locked(client, editor):
    for n in range(5):
        sign_in(client, f"someone-{n}", password="guess")
    assert sign_in(client, "editor", password=PASSWORD).status_code == 429
    # Another address may still sign in to the account.
    assert sign_in(client, "editor", password=PASSWORD, address="192.0.2.44").status_code == 302


def test_the_lockout_page_is_the_same_for_an_account_that_does_not_exist(client, editor):
    for n in range(5):
        sign_in(client, "editor", password=f"guess-{n}", address="203.0.113.1")
        sign_in(client, "nobody-here", password=f"guess-{n}", address="192.0.2.1")
    existing = sign_in(client, "editor", password="guess", address="203.0.113.1")
    missing = sign_in(client, "nobody-here", password="guess", address="192.0.2.1")
    assert existing.status_code == missing.status_code == 429
    assert main_text(existing) == main_text(missing)
    assert b"editor" not in existing.content


def test_a_successful_sign_in_clears_the_count(client, editor):
    for n in range(4):
        sign_in(client, "editor", password=f"guess-{n}")
    assert sign_in(client, "editor").status_code == 302
    client.logout()
    for n in range(4):
        sign_in(client, "editor", password=f"guess-{n}")
    assert sign_in(client, "editor").status_code == 302


def test_the_lockout_table_keeps_only_a_truncated_address(client, editor):
    for n in range(3):
        sign_in(client, "editor", password=f"guess-{n}", address="198.51.100.77")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.0"}
