"""Review-workflow mail is sent by a background task, never while the editor waits."""

import contextlib
import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.tasks import task_backends
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from tests.translations.conftest import make_user
from translations.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

DEFERRED = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


class RefusingMailServer(BaseEmailBackend):
    """An SMTP server that turns the site's login down, as one with a changed password does."""

    def open(self):
        raise smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid")

    def send_messages(self, messages):
        self.open()


@pytest.fixture
def reviewers(roles):
    return {"editor": make_user("editor", EDITORS), "moderator": make_user("moderator", MODERATORS)}


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary network", slug="mps")


def submit_for_review(client, user, page):
    """The editor's "Submit for review" button in the page editor."""
    client.force_login(user)
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text("<p>MPs met defenders in Brussels.</p>"))]),
        "people": streamfield([]),  # the programme page's people (people/)
        "comments": inline_formset([]),
        "action-submit": "action-submit",
    }
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def approve(client, user, page):
    """The moderator's "Approve" in the review, which publishes the page."""
    client.force_login(user)
    task_state = ProgrammePage.objects.get(pk=page.pk).current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )


def enqueued_mail():
    return [
        result.args[0]
        for result in task_backends["default"].results
        if result.task.name == "send_workflow_notification"
    ]


def test_submitting_for_review_only_enqueues_the_moderators_mail(
    client, reviewers, programme, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DEFERRED
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(client, reviewers["editor"], programme)
    assert response.status_code == 302
    assert ProgrammePage.objects.get(pk=programme.pk).workflow_in_progress
    assert mail.outbox == []  # nothing rendered or sent while the editor waited
    assert sorted(enqueued_mail()) == ["task_submitted", "workflow_submitted"]


def test_the_task_tells_the_moderators_that_a_page_waits_for_review(
    client, reviewers, programme, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(client, reviewers["editor"], programme)
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    assert "Parliamentary network" in mail.outbox[0].subject


def test_approving_only_enqueues_the_editors_mail(
    client, reviewers, programme, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(client, reviewers["editor"], programme)
    mail.outbox.clear()
    settings.TASKS = DEFERRED
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, reviewers["moderator"], programme)
    assert response.status_code in (200, 302)
    assert ProgrammePage.objects.get(pk=programme.pk).live
    assert mail.outbox == []
    assert "workflow_approved" in enqueued_mail()


def test_the_task_tells_the_editor_the_page_was_approved(
    client, reviewers, programme, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(client, reviewers["editor"], programme)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, reviewers["moderator"], programme)
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert "approved" in mail.outbox[0].subject.lower()


def test_a_submission_rolled_back_tells_no_one(
    reviewers, programme, settings, django_capture_on_commit_callbacks
):
    """The mail is enqueued once the submission is committed, never for one that was undone."""
    settings.TASKS = DEFERRED
    with (
        django_capture_on_commit_callbacks(execute=True),
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        programme.save_revision(user=reviewers["editor"])
        programme.get_workflow().start(programme, reviewers["editor"])
        raise RuntimeError("the rest of the request failed")
    assert not ProgrammePage.objects.get(pk=programme.pk).workflow_in_progress
    assert enqueued_mail() == []
    assert mail.outbox == []


def test_a_mail_server_refusing_the_site_does_not_fail_the_submission_and_is_logged(
    client, reviewers, programme, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.RefusingMailServer"}}
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(client, reviewers["editor"], programme)
    assert response.status_code == 302
    assert ProgrammePage.objects.get(pk=programme.pk).workflow_in_progress
    lost = [record.getMessage() for record in caplog.records if record.name == "website.signals"]
    assert lost == [
        "Review notification task_submitted about TaskState "
        f"{ProgrammePage.objects.get(pk=programme.pk).current_workflow_task_state.pk} was not sent: "
        "SMTPAuthenticationError: (535, b'5.7.8 Authentication credentials invalid')"
    ]
