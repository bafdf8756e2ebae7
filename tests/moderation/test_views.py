"""Unpublish requests, through the admin views an editor and a moderator use."""

import logging
import smtplib
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from moderation.models import UnpublishRequest

pytestmark = pytest.mark.django_db

REASON = "The defender named on this page asked us to remove it."


def request_url(page):
    return reverse("moderation_request_unpublishing", args=[page.pk])


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def ask(client, user, page, reason=REASON):
    client.force_login(user)
    with translation.override("en"):
        return client.post(request_url(page), {"reason": reason})


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def test_an_editor_asks_and_every_moderator_is_mailed(client, roles, editor, moderator):
    programme = roles["en"]["programme"]
    client.force_login(editor)
    with translation.override("en"):
        form = client.get(request_url(programme))
        assert form.status_code == 200
        assert "in every language it is published in: English, French, Spanish." in " ".join(
            BeautifulSoup(form.content, "html.parser").get_text().split()
        )
        response = client.post(request_url(programme), {"reason": REASON}, follow=True)

    assert response.redirect_chain == [(reverse("wagtailadmin_pages:edit", args=[programme.pk]), 302)]
    assert messages_of(response) == [
        "Your request to unpublish ‘Legal advocacy’ has been sent to the moderators."
    ]
    unpublish_request = UnpublishRequest.objects.get()
    assert (unpublish_request.page_id, unpublish_request.requested_by, unpublish_request.reason) == (
        programme.pk,
        editor,
        REASON,
    )
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Unpublishing requested: ‘Legal advocacy’"
    assert "Ana Editor asks the moderators" in message.body
    assert "English, French, Spanish" in message.body
    assert REASON in message.body
    assert "http://testserver/admin/" in message.body


def test_a_request_needs_a_reason(client, roles, editor, moderator):
    response = ask(client, editor, roles["en"]["programme"], reason="   ")
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not UnpublishRequest.objects.exists()
    assert mail.outbox == []


def test_a_mail_server_that_fails_is_logged_and_the_request_kept(client, roles, editor, moderator, caplog):
    with (
        mock.patch("moderation.notifications.send_mail", side_effect=smtplib.SMTPException("refused")),
        caplog.at_level(logging.ERROR, logger="moderation.notifications"),
    ):
        client.force_login(editor)
        with translation.override("en"):
            response = client.post(request_url(roles["en"]["programme"]), {"reason": REASON}, follow=True)
    assert response.status_code == 200
    assert messages_of(response) == [
        "Your request to unpublish ‘Legal advocacy’ is on the moderators’ dashboard; "
        "the mail to them could not be sent."
    ]
    assert UnpublishRequest.objects.open().count() == 1
    assert ["could not be sent" in record.getMessage() for record in caplog.records] == [True]


def test_a_page_that_is_not_live_has_nothing_to_unpublish(client, roles, editor):
    programme = roles["en"]["programme"]
    programme.unpublish()
    response = ask(client, editor, programme)
    assert response.status_code == 400
    assert "This page is not published: there is nothing to unpublish." in response.content.decode()
    assert not UnpublishRequest.objects.exists()


def test_a_pending_request_is_not_asked_twice(client, roles, editor, moderator):
    assert ask(client, editor, roles["en"]["programme"]).status_code == 302
    # The same page in another language is covered by the same request.
    response = ask(client, moderator, roles["fr"]["programme"])
    assert response.status_code == 400
    assert "Ana Editor asked the moderators to unpublish this page on" in response.content.decode()
    assert UnpublishRequest.objects.count() == 1


def test_only_those_who_edit_the_page_may_ask(client, roles, translator_es):
    response = ask(client, translator_es, roles["en"]["programme"])
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not UnpublishRequest.objects.exists()
    # Their own language's page, though, they may.
    assert ask(client, translator_es, roles["es"]["programme"]).status_code == 302
    assert UnpublishRequest.objects.get().page_id == roles["es"]["programme"].pk


def dashboard_rows(client, user):
    client.force_login(user)
    with translation.override("en"):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("#unpublish-requests-content")
    return panel.select("tbody tr") if panel else None


def test_the_moderator_sees_the_request_on_the_dashboard(client, roles, editor, moderator):
    ask(client, editor, roles["en"]["programme"])
    assert dashboard_rows(client, editor) is None  # editors cannot unpublish: no panel
    [row] = dashboard_rows(client, moderator)
    cells = [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.select("td")]
    assert cells[0] == "Legal advocacy"
    assert cells[1] == "English French Spanish"
    assert cells[2].startswith("Ana Editor")
    assert cells[3] == REASON
    unpublish = row.find("a", string="Unpublish")
    assert unpublish["href"] == (
        reverse("wagtailadmin_pages:unpublish", args=[roles["en"]["programme"].pk]) + "?next=%2Fadmin%2F"
    )


def test_the_moderator_unpublishes_the_page_in_every_language(client, roles, editor, moderator):
    ask(client, editor, roles["en"]["programme"])
    [row] = dashboard_rows(client, moderator)
    unpublish_url = row.find("a", string="Unpublish")["href"]
    with translation.override("en"):
        confirm = client.get(unpublish_url)
    assert confirm.status_code == 200
    checkbox = BeautifulSoup(confirm.content, "html.parser").select_one("input[name=include_translations]")
    assert checkbox.has_attr("checked")  # asked for: every language is ticked
    assert "Unpublish its translations too: French, Spanish" in " ".join(
        checkbox.parent.get_text(" ", strip=True).split()
    )
    assert REASON in confirm.content.decode()

    with translation.override("en"):
        response = client.post(unpublish_url, {"include_translations": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    for language in ("en", "fr", "es"):
        assert not is_live(roles[language]["programme"]), language
    unpublish_request = UnpublishRequest.objects.get()
    assert (unpublish_request.resolution, unpublish_request.resolved_by) == (
        UnpublishRequest.UNPUBLISHED,
        moderator,
    )
    assert dashboard_rows(client, moderator) is None


def test_unpublishing_without_a_request_still_leaves_the_translations_by_default(client, roles, moderator):
    programme = roles["en"]["programme"]
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=[programme.pk])
    with translation.override("en"):
        confirm = client.get(url)
    checkbox = BeautifulSoup(confirm.content, "html.parser").select_one("input[name=include_translations]")
    assert not checkbox.has_attr("checked")
    assert client.post(url).status_code == 302
    assert not is_live(programme)
    assert is_live(roles["fr"]["programme"]) and is_live(roles["es"]["programme"])


def test_the_moderator_dismisses_a_request(client, roles, editor, moderator):
    ask(client, editor, roles["en"]["programme"])
    [row] = dashboard_rows(client, moderator)
    dismiss_url = row.find("form")["action"]
    with translation.override("en"):
        response = client.post(dismiss_url, follow=True)
    assert messages_of(response) == [
        "The request to unpublish ‘Legal advocacy’ has been dismissed: the page stays on the site."
    ]
    assert is_live(roles["en"]["programme"])
    unpublish_request = UnpublishRequest.objects.get()
    assert (unpublish_request.resolution, unpublish_request.resolved_by) == (
        UnpublishRequest.DISMISSED,
        moderator,
    )
    assert dashboard_rows(client, moderator) is None


def test_only_a_moderator_dismisses_and_only_by_post(client, roles, editor, moderator):
    ask(client, editor, roles["en"]["programme"])
    url = reverse("moderation_dismiss_unpublish_request", args=[UnpublishRequest.objects.get().pk])
    assert client.post(url)["Location"] == reverse("wagtailadmin_home")  # editor: refused
    client.force_login(moderator)
    assert client.get(url).status_code == 405
    assert UnpublishRequest.objects.open().count() == 1


def test_a_page_unpublished_by_its_expiry_date_closes_the_request(client, roles, editor):
    ask(client, editor, roles["en"]["programme"])
    for language in ("en", "fr", "es"):
        roles[language]["programme"].unpublish()
    assert UnpublishRequest.objects.get().resolution == UnpublishRequest.UNPUBLISHED
