"""The fail-safe SMTP backend (website/mail.py): a mail that cannot leave is logged, never raised."""

import logging
import socket

from django.core.mail import EmailMessage, mailers
from django.test import override_settings

from website.mail import FailSafeSMTPBackend
from website.settings.base import mailer_settings


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def backend_for(url):
    """The default mailer, as the settings build it from EMAIL_URL."""
    with override_settings(MAILERS=mailer_settings(url)):
        backend = mailers["default"]
    assert isinstance(backend, FailSafeSMTPBackend)
    return backend


def test_email_url_gives_the_fail_safe_backend():
    assert (
        mailer_settings("smtp://mail.example.org")["default"]["BACKEND"] == "website.mail.FailSafeSMTPBackend"
    )


def test_a_mail_server_that_does_not_answer_is_logged_once_and_nothing_raises(caplog):
    backend = backend_for(f"smtp://127.0.0.1:{closed_port()}")
    messages = [
        EmailMessage("Page submitted for review", "…", "site@example.org", ["moderator@example.org"]),
        EmailMessage(
            "Page submitted for review", "…", "site@example.org", ["other@example.org", "x@example.org"]
        ),
    ]

    assert backend.open() is None  # as Wagtail opens it, once for every recipient
    assert backend.send_messages(messages[:1]) == 0
    assert backend.send_messages(messages[1:]) == 0

    connection_errors = [record for record in caplog.records if record.exc_info]
    assert len(connection_errors) == 1  # one attempt per connection, not one per recipient
    assert connection_errors[0].levelno == logging.ERROR
    assert isinstance(connection_errors[0].exc_info[1], ConnectionRefusedError)
    lost = [record.getMessage() for record in caplog.records if not record.exc_info]
    assert lost == [
        "Mail not sent: “Page submitted for review” to 1 recipient.",
        "Mail not sent: “Page submitted for review” to 2 recipients.",
    ]
    assert "moderator@example.org" not in caplog.text


def test_nothing_to_send_logs_nothing(caplog):
    assert backend_for(f"smtp://127.0.0.1:{closed_port()}").send_messages([]) == 0
    assert caplog.records == []
