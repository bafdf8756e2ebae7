"""Consent that ends: editors are warned before, the pages relying on it come off after.

`check_consents` runs daily (the `check_consents` command, or its task in the
worker). A person whose consent ends within `PEOPLE_CONSENT_WARNING_DAYS` is
announced once to the editors and moderators (mail, and the dashboard panel
meanwhile). From the day after the end, `display_name` names them nowhere;
once the end was announced, every live page that mentions them, in every
language, is unpublished (the unpublish is logged with the reason). A consent
whose end was never announced (an end date typed in the past) is announced on
the first run and its pages come off on the next one: the editors get their
warning, the visitors never see the name meanwhile.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex

from people.models import Person
from people.photos import sync_photos_of
from translations.roles import EDITORS, MODERATORS

logger = logging.getLogger(__name__)


def warning_days():
    return settings.PEOPLE_CONSENT_WARNING_DAYS


def pages_relying_on(people):
    """Every page (all translations) that mentions one of `people`, from Wagtail's reference index."""
    ids = [str(person.pk) for person in people]
    if not ids:
        return Page.objects.none()
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Person),
        to_object_id__in=ids,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    keys = Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).values("translation_key")
    return Page.objects.filter(translation_key__in=keys)


def ending_soon(today=None):
    """People shown somewhere whose consent ends within the warning period (or has ended)."""
    today = today or timezone.localdate()
    return Person.objects.filter(
        consent_until__isnull=False,
        consent_until__lte=today + datetime.timedelta(days=warning_days()),
        taken_down_at__isnull=True,
    ).exclude(visibility="not_shown")


def _recipients():
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=[EDITORS, MODERATORS]) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile is not None else settings.LANGUAGE_CODE


def announce(people):
    """Mail the editors and moderators the consents that end; return how many mails went out.

    A mail that cannot be sent is logged: the dashboard panel shows the same list.
    """
    admin = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "people": [
            {
                "person": person,
                "url": admin + reverse("wagtailsnippets_people_person:edit", args=[person.pk]),
                "pages": [
                    page.get_admin_display_title() for page in pages_relying_on([person]).filter(live=True)
                ],
            }
            for person in people
        ],
        "dashboard_url": admin + reverse("wagtailadmin_home"),
    }
    sent = 0
    for user in _recipients():
        try:
            with override(_language(user)):
                subject = render_to_string("people/mail/consent_ending_subject.txt", context)
                body = render_to_string("people/mail/consent_ending.txt", context)
            EmailMessage(
                " ".join(subject.split()),
                body.strip(),
                to=[user.email],
                headers={"Auto-Submitted": "auto-generated"},
            ).send()
        except Exception:
            logger.exception("The mail announcing ending consents to user %s could not be sent", user.pk)
        else:
            sent += 1
    return sent


def unpublish_pages_of(people, reason):
    """Unpublish every live page (every language) that mentions one of `people`; return them."""
    unpublished = []
    for page in pages_relying_on(people).filter(live=True).specific():
        page.unpublish(log_action=True)
        log(instance=page, action="pi.consent_expired", data={"reason": reason})
        unpublished.append(page)
    return unpublished


def check_consents(today=None):
    """The daily run: {"announced": [people], "unpublished": [pages]}."""
    today = today or timezone.localdate()
    due = list(ending_soon(today).filter(consent_warned_at__isnull=True))
    expired_and_announced = [
        person
        for person in ending_soon(today).filter(consent_warned_at__isnull=False)
        if person.consent_expired(today)
    ]
    if due:
        announce(due)
        Person.objects.filter(pk__in=[person.pk for person in due]).update(consent_warned_at=timezone.now())
    # An ended consent changes who may be seen without saving anyone: their photos follow.
    sync_photos_of([person for person in ending_soon(today) if person.consent_expired(today)], today)
    unpublished = unpublish_pages_of(
        expired_and_announced,
        "Consent ended: " + ", ".join(str(person.pk) for person in expired_and_announced),
    )
    return {"announced": due, "unpublished": unpublished}
