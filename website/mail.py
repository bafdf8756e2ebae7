"""Outgoing mail that never breaks the request sending it, and never fails unheard.

Mail goes out while the site answers someone: a password reset, a review
workflow's notifications, comment notifications, an alert to ADMINS. When the
SMTP server does not answer, Django's backend raises and callers differ:
Django's password reset logs and carries on; Wagtail's workflow notifications
catch a refused connection but not a server that refuses service or a login
(`smtplib.SMTPException`), and comment notifications catch nothing, so the
editor's submission or save failed with a 500 although it was stored.

This backend logs every failure at ERROR, with its traceback, on the
`website.mail` logger (to the server's log, see LOGGING; never to ADMINS by mail,
which would loop), and reports it the way Django's API allows: as mails not
sent. The action that sent them goes on; the visitor's answer does not change
(a password reset must not tell whether the account exists).
"""

import logging

from django.core.mail.backends.smtp import EmailBackend

logger = logging.getLogger(__name__)


class FailSafeSMTPBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One attempt per connection: Wagtail opens one for all the recipients of
        # a notification, and each would otherwise wait on the server again.
        self._unreachable = False

    def open(self):
        if self._unreachable:
            return None
        try:
            return super().open()
        except OSError:  # smtplib's errors, refused connections, timeouts, TLS and DNS errors
            self._unreachable = True
            logger.error(
                "The mail server %s:%s did not accept a connection.", self.host, self.port, exc_info=True
            )
            return None

    def send_messages(self, email_messages):
        try:
            sent = super().send_messages(email_messages)
        except OSError:
            logger.error(
                "Mail not sent: %s.",
                ", ".join(describe(message) for message in email_messages),
                exc_info=True,
            )
            return 0
        if self._unreachable and email_messages:
            # open() logged why; this says what was lost.
            logger.error("Mail not sent: %s.", ", ".join(describe(message) for message in email_messages))
        return sent


def describe(message):
    """The subject and number of recipients: enough to resend, no addresses in the log."""
    count = len(message.recipients())
    return f"“{message.subject}” to {count} recipient{'s' if count != 1 else ''}"
