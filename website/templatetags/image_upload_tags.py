"""The multiple-upload page's alt-text reminder (wagtailimages/multiple/add.html).

Wagtail 8.0 reminds editors under every uploaded image to "provide an image
description", a field this site's image form does not have: CustomImage.alt_text
and "decorative" take its place. Only that sentence changes; the rest of Wagtail's
page stays Wagtail's, whatever its version.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

# Wagtail's msgid, looked up in Wagtail's own catalogues (a variable, so that
# makemessages does not copy it into this project's).
WAGTAIL_REMINDER = "Please provide an image description to comply with best practices for accessibility."


@register.filter
def with_alt_text_reminder(html, reminder):
    wagtail_reminder = gettext(WAGTAIL_REMINDER)
    html = str(html).replace(escape(wagtail_reminder), escape(reminder))
    return mark_safe(html.replace(wagtail_reminder, escape(reminder)))  # noqa: S308 (Wagtail's own template output)
