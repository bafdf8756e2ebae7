"""Absolute URLs for files, images and `html_url` in API responses; page `url`s stay paths.

A decoupled front end runs on another origin, where `/media/…` or
`/documents/…` would point at the front end itself. Page URLs (`url` fields,
breadcrumbs, translations, menus) stay paths: they are the front end's own
routes, resolved through `route/`.

Every absolute URL starts with `website.seo.site_base_url`, as canonical URLs
do: SITE_BASE_URL when set, else the scheme and host of the API request. So a
response, and its ETag, is the same for every request to one host.

API v3 builds some URLs otherwise; delete each part when upstream builds its
URLs from the request (wagtail/wagtail#7807 reported the Site record's missing
port for v2 and was closed with "set the Site record"):

- pages' `meta.html_url` comes from the Site record's hostname and port
  (`Page.get_full_url`): `http://localhost/…` wherever the Site record says so;
- images' `meta.download_url` is a relative `/media/…` path.
  `AbsoluteUrlsRenderer`, the API's renderer (ninja's public `renderer`),
  rewrites both in every response, nested pages and images included.
- `meta.detail_url` and documents' `meta.download_url` use the Site record as
  well (`wagtail.api.utils.get_base_url`) unless WAGTAILAPI_BASE_URL is set:
  patched in upstream/wagtail_api_base_url.py, which calls `base_url`.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.urls import reverse
from ninja.renderers import JSONRenderer
from wagtail.models import Site

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


def _page_path(url, request):
    """The path `Page.get_url` gives for a page whose full URL is `url`: its own site's root URL
    dropped where Wagtail would (one site, or the request's own), else `url` unchanged."""
    root_urls = {root.root_url for root in Site.get_site_root_paths()}
    if len(root_urls) == 1:
        own_roots = root_urls
    else:
        site = Site.find_for_request(request)
        own_roots = {site.root_url} if site else set()
    for root_url in own_roots:
        if url.startswith(root_url + "/"):
            return url.removeprefix(root_url)
    return url


def absolute_meta_urls(data, request):
    """An API v3 response with every `meta.html_url` and `meta.download_url` absolute, however deep."""
    if isinstance(data, list):
        return [absolute_meta_urls(item, request) for item in data]
    if not isinstance(data, dict):
        return data
    result = {key: absolute_meta_urls(value, request) for key, value in data.items()}
    meta = result.get("meta")
    if isinstance(meta, dict):
        if isinstance(meta.get("html_url"), str):
            meta["html_url"] = absolute(_page_path(meta["html_url"], request), request)
        if isinstance(meta.get("download_url"), str):
            meta["download_url"] = absolute(meta["download_url"], request)
    return result


class AbsoluteUrlsRenderer(JSONRenderer):
    """The API's JSON, with the page and image URLs that v3 builds from the Site record or leaves
    relative made absolute from this site's base URL."""

    def render(self, request, data, *, response_status):
        return super().render(request, absolute_meta_urls(data, request), response_status=response_status)
