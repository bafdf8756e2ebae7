"""Mails that tell the moderators a page should come off the site."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from translations.roles import MODERATORS

logger = logging.getLogger(__name__)


def moderators():
    return (
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )


def _preferred_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile is not None else settings.LANGUAGE_CODE


def send_mail(subject, body, address):
    # Marked as Wagtail marks its workflow mails, so that no autoresponder answers.
    EmailMessage(subject, body, to=[address], headers={"Auto-Submitted": "auto-generated"}).send()


def notify_moderators(unpublish_request, languages):
    """Mail every moderator, each in their admin language; return how many mails went out.

    A mail server that refuses or is down is logged and counted out: the request is
    stored already and waits on the moderators' dashboard whatever the mail does.
    """
    context = {
        "request": unpublish_request,
        "page_title": unpublish_request.page.get_admin_display_title(),
        "languages": languages,
        "requester": unpublish_request.requested_by.get_full_name()
        or unpublish_request.requested_by.get_username(),
        "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
    }
    sent = 0
    for moderator in moderators():
        try:
            with override(_preferred_language(moderator)):
                subject = render_to_string("moderation/mail/unpublish_requested_subject.txt", context)
                body = render_to_string("moderation/mail/unpublish_requested.txt", context)
            send_mail(" ".join(subject.split()), body.strip(), moderator.email)
        except Exception:
            logger.exception(
                "Unpublish request %s: the mail to moderator %s could not be sent",
                unpublish_request.pk,
                moderator.pk,
            )
        else:
            sent += 1
    return sent
