"""Translators hear that something was sent for translation into their language (item 17)."""

import logging

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from .conftest import login, make_user
from .test_workflow import submit_for_translation

pytestmark = pytest.mark.django_db


def test_the_languages_translators_get_a_mail_with_the_link_in_their_language(
    client, users, eu_guidelines, django_capture_on_commit_callbacks
):
    # A second French translator who reads the admin in English; translator-fr has no preference.
    other = make_user("translator-fr-2", "Translators (French)")
    UserProfile.get_for_user(other).__class__.objects.filter(user=other).update(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")

    edit_url = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[french.pk])
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"translator-fr@example.org", "translator-fr-2@example.org"}  # not Spanish
    in_french = by_recipient["translator-fr@example.org"]
    assert "attend votre traduction" in in_french.subject
    assert edit_url in in_french.body
    in_english = by_recipient["translator-fr-2@example.org"]
    assert in_english.subject == (
        "“Promoting the EU Guidelines on human rights defenders” is waiting for your translation into French"
    )
    assert edit_url in in_english.body


def test_a_mail_server_that_fails_is_logged_and_the_submission_stands(
    client, users, eu_guidelines, django_capture_on_commit_callbacks, caplog
):
    with (
        override_settings(MAILERS={"default": {"BACKEND": "tests.translations.failing_mail.FailingBackend"}}),
        caplog.at_level(logging.ERROR, logger="translations.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    assert french.pk  # the translation was made and the editor redirected (302, checked by the helper)
    assert "Could not tell translator-fr@example.org" in caplog.text


def test_the_translators_dashboard_lists_what_waits_for_them(client, users, roles, eu_guidelines):
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    spanish = submit_for_translation(client, users["editor"], eu_guidelines, "es")

    html = login(client, users["translator-fr"]).get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("Waiting for your translation") :]
    panel = panel[: panel.index("</table>")]
    assert reverse("wagtailadmin_pages:edit", args=[french.pk]) in panel
    assert "5 of 5 segments are not translated yet." in panel
    assert reverse("wagtailadmin_pages:edit", args=[spanish.pk]) not in panel

    html = login(client, users["moderator"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting for your translation" not in html
    html = login(client, users["editor"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting for your translation" not in html
