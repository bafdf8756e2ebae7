"""The API's renderer: v3's `meta.html_url` and `meta.download_url` made absolute in every response.

Absolute URLs start with this site's base URL, as everywhere in the API
(website/absolute_urls.py).

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
  patched in upstream/wagtail_api_base_url.py.
"""

from ninja.renderers import JSONRenderer
from wagtail.models import Site

from website.absolute_urls import absolute


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
