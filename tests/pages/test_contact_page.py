import socket
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

import website.cache
from conftest import translate_page
from pages import contact_guard
from pages.models import ContactSubmission
from website.settings.base import cache_settings

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def message(page, **overrides):
    """What a person's browser sends, the form opened a minute ago."""
    data = {
        "your_name": "Ana",
        "your_email": "ana@example.org",
        "your_message": "Hello from Bogotá.",
        contact_guard.TOKEN_FIELD: contact_guard.issue_token(page, now=time.time() - 60),
        contact_guard.HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def send(client, page, data=None, **headers):
    with_headers = {**SAME_ORIGIN, "REMOTE_ADDR": "203.0.113.77", **headers}
    return client.post(reverse("contact_form_send", args=[page.pk]), data or message(page), **with_headers)


def test_the_page_shows_the_form_and_privacy_note_and_sets_no_cookie(client, contact_page):
    response = client.get(contact_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    assert 'name="your_email"' in html
    assert "We keep your message for twelve months." in html
    assert f'action="/en/contact-form/{contact_page.pk}/"' in html
    assert "<div hidden>" in html and 'name="hp_website"' in html


def test_a_message_is_stored_and_mailed_without_the_address(client, contact_page, settings):
    settings.LOG_VISITOR_IP = False
    response = send(client, contact_page)
    assert response.status_code == 200
    assert "Thank you: your message has been sent." in response.content.decode()
    assert not response.cookies
    submission = ContactSubmission.objects.get(page=contact_page)
    assert submission.get_data()["your_message"] == "Hello from Bogotá."
    assert submission.visitor_network == ""
    assert "203.0.113" not in str(submission.form_data)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@example.org"]
    assert "Hello from Bogotá." in mail.outbox[0].body


def test_the_address_is_kept_truncated_only_when_settings_ask(client, contact_page, settings):
    settings.LOG_VISITOR_IP = True
    send(client, contact_page)
    assert ContactSubmission.objects.get(page=contact_page).visitor_network == "203.0.113.0"


def test_a_french_visitor_sends_in_french(client, contact_page):
    french = translate_page(contact_page, "fr", title="Nous contacter", slug="contact-fr")
    page = client.get(french.url).content.decode()
    assert '<html lang="fr"' in page and 'name="your_email"' in page
    response = send(client, french, message(french))
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    assert ContactSubmission.objects.filter(page=french).count() == 1


def test_invalid_input_is_a_form_error_not_a_500(client, contact_page):
    response = send(client, contact_page, message(contact_page, your_email="not an address"))
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not ContactSubmission.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "headers", "status"),
    [
        ({contact_guard.HONEYPOT_FIELD: "http://spam.example"}, {}, 400),  # a bot fills every field
        ({contact_guard.TOKEN_FIELD: "forged"}, {}, 400),
        ({}, {"HTTP_SEC_FETCH_SITE": "cross-site"}, 403),  # posted from another site
        ({}, {"HTTP_SEC_FETCH_SITE": None}, 403),  # no Sec-Fetch-Site nor Origin
        ({}, {"HTTP_SEC_FETCH_SITE": None, "HTTP_ORIGIN": "https://evil.example"}, 403),
    ],
    ids=["honeypot", "forged-token", "cross-site", "no-origin", "other-origin"],
)
def test_bots_and_other_sites_are_refused_with_a_4xx(client, contact_page, overrides, headers, status):
    headers = {key: value for key, value in {**SAME_ORIGIN, **headers}.items() if value is not None}
    response = client.post(
        reverse("contact_form_send", args=[contact_page.pk]),
        message(contact_page, **overrides),
        REMOTE_ADDR="203.0.113.77",
        **headers,
    )
    assert response.status_code == status
    assert "could not be sent" in response.content.decode()
    assert not ContactSubmission.objects.exists() and not mail.outbox


def test_a_browser_without_sec_fetch_site_is_accepted_by_its_origin(client, contact_page):
    response = client.post(
        reverse("contact_form_send", args=[contact_page.pk]),
        message(contact_page),
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200


def test_a_form_sent_too_fast_is_refused(client, contact_page):
    response = send(
        client, contact_page, message(contact_page, form_token=contact_guard.issue_token(contact_page))
    )
    assert response.status_code == 400
    assert "too quickly" in response.content.decode()


def test_a_form_left_open_too_long_is_refused(client, contact_page, settings):
    stale = contact_guard.issue_token(contact_page, now=time.time() - settings.CONTACT_FORM_MAX_AGE - 60)
    response = send(client, contact_page, message(contact_page, form_token=stale))
    assert response.status_code == 400
    assert "open for too long" in response.content.decode()


def test_a_token_of_another_page_is_refused(client, contact_page, site_tree):
    other = translate_page(contact_page, "es", title="Contacto", slug="contacto")
    response = send(
        client, contact_page, message(contact_page, form_token=contact_guard.issue_token(other, now=1))
    )
    assert response.status_code == 400


def test_the_rate_limit_counts_per_address(client, contact_page, settings):
    settings.CONTACT_FORM_RATE_LIMIT = 2
    assert [send(client, contact_page).status_code for _ in range(3)] == [200, 200, 429]
    assert send(client, contact_page, REMOTE_ADDR="198.51.100.9").status_code == 200
    assert ContactSubmission.objects.count() == 3


def test_a_post_to_the_page_itself_is_not_accepted(client, contact_page):
    response = client.post(contact_page.url, message(contact_page), **SAME_ORIGIN)
    assert response.status_code in (403, 405)
    assert not ContactSubmission.objects.exists()


def test_a_draft_contact_page_takes_no_messages(client, contact_page):
    contact_page.unpublish()
    assert send(client, contact_page).status_code == 404


def test_sending_runs_a_bounded_number_of_queries(client, contact_page):
    send(client, contact_page)
    with CaptureQueriesContext(connection) as queries:
        assert send(client, contact_page, REMOTE_ADDR="198.51.100.9").status_code == 200
    assert len(queries) <= 25


def test_the_contact_page_is_in_the_api_with_its_fields(client, contact_page):
    data = client.get("/api/v3/route/", {"path": contact_page.url}).json()["page"]
    assert data["meta"]["type"] == "pages.ContactPage"
    assert [field["name"] for field in data["form_field_list"]] == ["your_name", "your_email", "your_message"]
    assert "twelve months" in data["privacy_note"]
    assert "to_address" not in data


def test_downloading_submissions_is_in_the_audit_trail(client, contact_page, django_user_model):
    send(client, contact_page)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    url = reverse("wagtailforms:list_submissions", args=[contact_page.pk])
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert "Hello from Bogotá." in b"".join(response.streaming_content).decode()
    entry = PageLogEntry.objects.get(action="pages.submissions_downloaded")
    assert entry.page_id == contact_page.pk and entry.user == admin
    assert entry.data == {"format": "csv", "submissions": 1}
    trail = client.get(reverse("accounts_audit_trail")).content.decode()
    assert "Form submissions downloaded" in trail


def test_the_rate_limit_keeps_no_address_in_the_cache(client, contact_page):
    send(client, contact_page)
    keys = [key.split(":", 2)[-1] for key in list(cache._cache)]
    assert "203.0.113" not in repr(keys) + repr([cache.get(key) for key in keys])
    assert contact_guard.rate_key_for("203.0.113.77") in keys


def test_old_messages_are_pruned(client, contact_page, settings):
    send(client, contact_page)
    send(client, contact_page, REMOTE_ADDR="198.51.100.9")
    old = ContactSubmission.objects.first()
    ContactSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - timedelta(days=settings.CONTACT_SUBMISSION_RETENTION_DAYS + 1)
    )
    call_command("prune_contact_submissions", stdout=StringIO())
    assert list(ContactSubmission.objects.values_list("pk", flat=True)) != [old.pk]
    assert ContactSubmission.objects.count() == 1


def test_a_message_is_accepted_while_the_cache_is_down(client, contact_page, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    monkeypatch.setattr(website.cache, "_states", {})
    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{closed_port}/0")):
        assert send(client, contact_page).status_code == 200
    assert ContactSubmission.objects.count() == 1


def test_the_contact_page_runs_a_bounded_number_of_queries(client, contact_page):
    client.get(contact_page.url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        client.get(contact_page.url)
    assert len(queries) <= 20


def test_editors_can_add_a_contact_page_in_the_admin(client, site_tree, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw"))
    home = site_tree["en"]["home"]
    response = client.get(reverse("wagtailadmin_pages:add", args=["pages", "contactpage", home.pk]))
    assert response.status_code == 200
    assert 'name="form_fields-TOTAL_FORMS"' in response.content.decode()
    response = client.get(reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home.pk]))
    assert response.status_code == 200
