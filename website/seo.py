"""What search engines and social cards read: canonical URLs, descriptions, Open Graph locales.

Absolute URLs come from `SITE_BASE_URL` when it is set (a site behind a proxy or
CDN knows its public address better than the request does), else from the
request itself, so a newcomer's `make run` shows working links on any port.
"""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from website.language_profiles import PROFILES

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


def open_graph_locale(language_code):
    """Open Graph wants `fr_FR`-style locales; a content language's comes from its profile."""
    if "-" in language_code:
        language, region = language_code.split("-", 1)
        return f"{language}_{region.upper()}"
    if language_code in PROFILES:
        return PROFILES[language_code].open_graph_locale
    return language_code
