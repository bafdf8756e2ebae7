"""When the mail server fails, the site answers as usual and the server's log says what was lost.

Before, a password reset whose mail could not be sent answered "sent" and left
nothing in a production log (no LOGGING: Django prints only with DEBUG on); a
workflow submission answered 500 when the server refused service. The mailer
is built by the settings' own `mailer_settings` from an EMAIL_URL, and the
log is configured with the settings' own LOGGING, written to stderr.
"""

import io
import json
import logging
import logging.config
import socket
import sys
import threading

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.translations.conftest import eu_guidelines, login, users  # noqa: F401  (shared fixtures)
from website.models import User
from website.settings import base
from website.settings.base import mailer_settings

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def refusing_server():
    """An SMTP server that answers every connection with 554 (no service) and hangs up."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"554 5.3.2 No service here\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    server.shutdown(socket.SHUT_RDWR)  # wakes accept(); close() alone does not
    server.close()
    thread.join()


@pytest.fixture(params=["closed-port", "refusing-server"])
def mail_down(request):
    """EMAIL_URL at a port nothing listens on, or at a server that refuses service."""
    if request.param == "closed-port":
        port, error = closed_port(), "ConnectionRefusedError"
    else:
        port, error = request.getfixturevalue("refusing_server"), "SMTPConnectError"
    with override_settings(MAILERS=mailer_settings(f"smtp://127.0.0.1:{port}")):
        yield error


@pytest.fixture
def server_log():
    """The settings' LOGGING, as the server runs it; returns a reader of the JSON lines it writes to stderr."""
    root = logging.getLogger()
    saved = {name: logging.getLogger(name) for name in ("django", "django.request")}
    state = {name: (lgr.handlers[:], lgr.level, lgr.propagate) for name, lgr in saved.items()}
    root_state = (root.handlers[:], root.level)
    logging.config.dictConfig(base.LOGGING)
    [stderr] = [handler for handler in root.handlers if getattr(handler, "stream", None) is sys.stderr]
    written = io.StringIO()
    stderr.setStream(written)  # pytest's capture would hide it otherwise

    def read():
        return [json.loads(line) for line in written.getvalue().splitlines()]

    yield read
    root.handlers[:], root.level = root_state
    for name, lgr in saved.items():
        lgr.handlers[:], lgr.level, lgr.propagate = state[name]


def request_reset(client, email):
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_password_reset"), {"email": email})


def test_password_reset_answers_as_usual_and_the_lost_mail_is_logged(client, mail_down, server_log):
    User.objects.create_user("defender", "defender@example.org", "unused-password")

    for_a_user = request_reset(client, "defender@example.org")
    for_nobody = request_reset(client, "nobody@example.org")

    # The same answer whether or not the account exists, and whether or not the mail left.
    assert for_a_user.status_code == for_nobody.status_code == 302
    assert for_a_user["Location"] == for_nobody["Location"] == reverse("wagtailadmin_password_reset_done")
    errors = [entry for entry in server_log() if entry["level"] == "ERROR"]
    assert errors, "the lost mail left no error in the log"
    assert any(mail_down in entry.get("exc_info", "") for entry in errors)
    assert any("Password reset" in entry["message"] for entry in errors)
    assert not any("defender@example.org" in json.dumps(entry) for entry in errors)


def test_a_workflow_submission_still_succeeds_and_the_lost_notifications_are_logged(
    client,
    users,  # noqa: F811  (a fixture)
    eu_guidelines,  # noqa: F811  (a fixture)
    mail_down,
    server_log,
    django_capture_on_commit_callbacks,
):
    """The notifications are a task (website/signals.py): run here at once, once the submission commits."""
    login(client, users["editor"])
    data = {
        "title": eu_guidelines.title,
        "slug": eu_guidelines.slug,
        "summary": eu_guidelines.summary,
        "body": streamfield([("paragraph", rich_text("<p>Reviewed text.</p>"))]),
        "people": streamfield([]),  # the programme page's people (people/)
        "comments": inline_formset([]),
        "action-submit": "action-submit",
    }
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[eu_guidelines.pk]), nested_form_data(data)
        )

    assert response.status_code == 302
    assert (
        Page.objects.get(pk=eu_guidelines.pk).current_workflow_state.status
        == WorkflowState.STATUS_IN_PROGRESS
    )
    errors = [entry for entry in server_log() if entry["level"] == "ERROR"]
    assert any(mail_down in entry.get("exc_info", "") for entry in errors)
    assert any("not sent" in entry["message"] or "skipped" in entry["message"] for entry in errors)
