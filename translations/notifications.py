"""Telling translators that something was sent for translation into their language.

Wagtail mails moderators when a page is submitted for review; nothing told a
translator that a page or snippet was sent for translation into their
language. When an editor submits one (wagtail-localize's "Translate this
page" / "Translate"), each active member of "Translators (<language>)" with
an e-mail address gets a mail in their admin language (else the
translation's language) with the link to the translation's segment editor,
built from WAGTAILADMIN_BASE_URL. The mails leave once the translation is
saved (on commit); a mail server that fails is logged and never fails the
editor's request.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation as i18n
from wagtail.admin.localization import get_available_admin_languages
from wagtail_localize.models import Translation

from website.language_profiles import content_language_name

from .roles import translator_group_name

logger = logging.getLogger(__name__)


def _recipients(language_code):
    group = Group.objects.filter(name=translator_group_name(language_code)).first()
    if group is None:
        return []
    return list(
        group.user_set.filter(is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )


def _language_for(user, fallback):
    profile = getattr(user, "wagtail_userprofile", None)
    preferred = profile.preferred_language if profile is not None else ""
    if preferred:
        return preferred
    admin_languages = dict(get_available_admin_languages())
    return fallback if fallback in admin_languages else settings.LANGUAGE_CODE


def _message(translation, user, sender, url):
    target_locale = translation.target_locale
    with i18n.override(_language_for(user, target_locale.language_code)):
        context = {
            "user": user,
            "sender": sender,
            "title": translation.source.object_repr,
            "language": str(content_language_name(target_locale.language_code)),
            "url": url,
        }
        subject = render_to_string("translations/mail/translation_requested_subject.txt", context)
        body = render_to_string("translations/mail/translation_requested.txt", context)
    return EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _send(translation_ids, sender):
    for translation in Translation.objects.filter(pk__in=translation_ids, enabled=True).select_related(
        "source", "target_locale"
    ):
        try:
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + translation.get_target_instance_edit_url()
        except ObjectDoesNotExist:
            continue  # wagtail-localize could not create it (a validation error): nothing to translate
        for user in _recipients(translation.target_locale.language_code):
            if sender is not None and user.pk == sender.pk:
                continue
            try:
                _message(translation, user, sender, url).send()
            except Exception:
                # A mail server down or refusing must not undo the editor's submission.
                logger.exception(
                    "Could not tell %s that '%s' waits for translation into %s",
                    user.email,
                    translation.source.object_repr,
                    translation.target_locale.language_code,
                )


def notify_translators(translations, sender=None):
    """Mail the translators of each translation's language, once the translations are saved."""
    ids = [translation.pk for translation in translations]
    if ids:
        transaction.on_commit(lambda: _send(ids, sender))


def translations_sent(instance, locales):
    """The enabled translations of `instance` into `locales`, as a submission leaves them."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale__in=locales, enabled=True
    )
