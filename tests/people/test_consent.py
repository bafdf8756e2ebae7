"""A consent that ends: the editors are warned first, then the pages relying on it come off."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import PageLogEntry

from people.consent import check_consents
from people.factories import PersonFactory
from programmes.models import ProgrammePage
from tests.moderation.conftest import make_user
from translations.roles import EDITORS

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def mentioned(roles):
    """A defender whose consent ends in ten days, mentioned by the programme in three languages."""
    person = PersonFactory(name="Ana Quispe", consent_until=TODAY + datetime.timedelta(days=10))
    pages = []
    for language in ("en", "fr", "es"):
        page = roles[language]["programme"]
        page.people = [("person", {"person": person, "role": ""})]
        page.save_revision().publish()
        pages.append(page)
    return person, pages


def live(pages):
    return [ProgrammePage.objects.get(pk=page.pk).live for page in pages]


def test_editors_are_warned_once_before_the_end_and_nothing_comes_off(mentioned):
    person, pages = mentioned
    make_user("editor", EDITORS)
    result = check_consents(TODAY)
    assert result["announced"] == [person] and result["unpublished"] == []
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert "Ana Quispe" in mail.outbox[0].body and "Legal advocacy" in mail.outbox[0].body
    assert check_consents(TODAY)["announced"] == []  # once
    assert len(mail.outbox) == 1 and all(live(pages))


def test_after_the_end_and_the_warning_every_translation_is_unpublished(mentioned):
    person, pages = mentioned
    check_consents(TODAY)
    result = check_consents(TODAY + datetime.timedelta(days=11))
    assert sorted(page.pk for page in result["unpublished"]) == sorted(page.pk for page in pages)
    assert not any(live(pages))
    assert PageLogEntry.objects.filter(action="pi.consent_expired").count() == 3


def test_an_end_date_typed_in_the_past_is_announced_before_anything_comes_off(mentioned):
    person, pages = mentioned
    person.consent_until = TODAY - datetime.timedelta(days=1)
    person.save()
    assert check_consents(TODAY)["unpublished"] == [] and all(live(pages))
    assert len(check_consents(TODAY)["unpublished"]) == 3


def test_a_renewed_consent_is_warned_about_again(mentioned):
    person, _pages = mentioned
    check_consents(TODAY)
    person.refresh_from_db()
    person.consent_until = TODAY + datetime.timedelta(days=20)
    person.save()
    assert check_consents(TODAY)["announced"] == [person]


def test_the_dashboard_lists_the_consents_ending(client, mentioned):
    person, _pages = mentioned
    client.force_login(make_user("editor", EDITORS))
    html = client.get("/admin/").content.decode()
    assert f'data-person="{person.pk}"' in html and "Consent ending" in html


def test_the_command_reports_what_it_did(mentioned, capsys):
    call_command("check_consents")
    assert "1 consent(s) announced, 0 page(s) unpublished." in capsys.readouterr().out
