"""Absolute URLs for the files and images of API representations; page URLs stay paths.

A decoupled front end runs on another origin, where `/media/…` or
`/documents/…` would point at the front end itself. Page URLs (`url` fields,
breadcrumbs, translations, menus) stay paths: they are the front end's own
routes, resolved through `route/`.

Every absolute URL starts with `website.seo.site_base_url`, as canonical URLs
do: SITE_BASE_URL when set, else the scheme and host of the API request being
served (`serving`, entered by headless.middleware). So a response, and its
ETag, is the same for every request to one host.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.urls import reverse

from website.seo import site_base_url

_api_request = ContextVar("headless_api_request", default=None)


@contextmanager
def serving(request):
    """While an API request is served, absolute URLs start with its base URL."""
    token = _api_request.set(request)
    try:
        yield
    finally:
        _api_request.reset(token)


def base_url(request=None):
    return site_base_url(request or _api_request.get())


def absolute(url, request=None):
    """`url` with this site's scheme and host, unless it has them (or is empty)."""
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return base_url(request) + url


@cache
def _file_prefixes():
    """Where root-relative file URLs start: media (images, renditions) and served documents."""
    documents = reverse("wagtaildocs_serve", args=[1, "file"]).removesuffix("1/file")
    return (settings.MEDIA_URL, documents)


@cache
def _file_link():
    """Root-relative file URLs in HTML attributes or Markdown links."""
    prefixes = "|".join(re.escape(prefix) for prefix in _file_prefixes())
    return re.compile(rf'(\s(?:src|href)="|\]\()((?:{prefixes})[^"()\s]*)')


def absolute_file_links(text):
    """Rich text (HTML or Markdown) with its image and document URLs absolute; page links stay paths."""
    if not text:
        return text
    return _file_link().sub(lambda match: match.group(1) + absolute(match.group(2)), text)


def absolute_file_urls(value):
    """A block's API representation with every file URL in it absolute, however deep, rich text included."""
    if isinstance(value, dict):
        return {key: absolute_file_urls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [absolute_file_urls(item) for item in value]
    if isinstance(value, str):
        return absolute(value) if value.startswith(_file_prefixes()) else absolute_file_links(value)
    return value
