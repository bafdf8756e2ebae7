"""The notice a preview of a translation carries: how much of it is translated.

Only previews (`request.is_preview`) call it: visitors never see it. It is
meant for the moderator or translator previewing, so it speaks their admin
language (their Wagtail preference, else the site's), not the page's.
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from translations import completeness
from website.language_profiles import content_language_name

register = template.Library()


def _reader_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile is not None else "") or settings.LANGUAGE_CODE


@register.inclusion_tag("translations/preview_notice.html", takes_context=True)
def translation_preview_notice(context, page):
    request = context.get("request")
    if not getattr(request, "is_preview", False) or not getattr(page, "translation_key", None):
        return {"message": ""}
    progress = completeness.progress_of(page)
    if progress is None:
        return {"message": ""}
    language = _reader_language(request.user)
    with translation.override(language):
        message = _("Preview of a translation into %(language)s: %(summary)s.") % {
            "language": str(content_language_name(page.locale.language_code)),
            "summary": progress.summary(),
        }
        if not progress.complete:
            message = " ".join(
                [message, progress.missing_message(), _("Those segments show the source text here.")]
            )
    return {"message": message, "complete": progress.complete, "language": language}
