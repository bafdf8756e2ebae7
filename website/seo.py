"""What search engines and social cards read: canonical URLs, descriptions, Open Graph locales.

Absolute URLs come from `SITE_BASE_URL` when it is set (a site behind a proxy or
CDN knows its public address better than the request does), else from the
request itself, so a newcomer's `make run` shows working links on any port.
"""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError

from website.language_profiles import PROFILES
from website.visibility import is_image_public

SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"

DESCRIPTION_LENGTH = 160
# For a page whose editor wrote no description, and for pages that are not
# Wagtail pages (the 404): search results never show a blank snippet.
DEFAULT_DESCRIPTION = _(
    "Protection International supports human rights defenders and works with governments, "
    "parliaments and international institutions to protect them."
)


def site_base_url(request):
    if settings.CANONICAL_BASE_URL:
        return settings.CANONICAL_BASE_URL.rstrip("/")
    if request is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path):
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return site_base_url(request) + path


def canonical_url(request, page=None):
    """The page's own URL without any query string; for a non-page view, the path."""
    if page is not None and getattr(page, "url_path", None):
        return absolute_url(request, page.get_url(request))
    return absolute_url(request, request.path) if request is not None else ""


def page_description(page):
    """The editor's search description, else the summary or introduction, cut to a snippet length."""
    for name in ("meta_description", "summary", "introduction"):
        value = getattr(page, name, "")
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return str(DEFAULT_DESCRIPTION)


def social_image(request, page):
    """A 1200×630 JPEG rendition (the format every network reads) of the page's social image,
    else of its hero image, with the alt text it has on this page; None if neither is public."""
    image, alt = getattr(page, "social_image", None), None
    if not is_image_public(image) and is_image_public(getattr(page, "hero_image", None)):
        image, alt = page.hero_image, getattr(page, "hero_alt", None)
    if not is_image_public(image):
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    except (SourceImageIOError, InvalidFilterSpecError):
        # A missing original file must not take the page down with it.
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt if alt is not None else image.alt_text,
    }


def open_graph_locale(language_code):
    """Open Graph wants `fr_FR`-style locales; a content language's comes from its profile."""
    if "-" in language_code:
        language, region = language_code.split("-", 1)
        return f"{language}_{region.upper()}"
    if language_code in PROFILES:
        return PROFILES[language_code].open_graph_locale
    return language_code
