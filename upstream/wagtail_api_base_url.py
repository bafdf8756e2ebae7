"""Workaround: API v3's `detail_url`s and documents' `download_url` name the Site record's host.

`wagtail.api.utils.get_base_url` takes WAGTAILAPI_BASE_URL, else the root URL
of the Site record that matches the request: `http://localhost/…` wherever the
Site record says so, not the host the front end called. `apply()` makes it
this site's base URL (website.seo.site_base_url: SITE_BASE_URL when set, else
the request's scheme and host), as canonical URLs and the rest of the API's
absolute URLs do (website/absolute_urls.py), so a response, and its ETag, is
the same for every request to one host.

Upstream: wagtail/wagtail#7807 and #7595 (v2's URLs miss the port) were closed
with "set the Site record"; the text to file is in upstream/ISSUES.md. Delete
this module when Wagtail builds API URLs from the request
(tests/upstream/test_wagtail_api_base_url.py says so).
"""

from django.conf import settings
from wagtail.api import utils as api_utils

from website.seo import site_base_url

UPSTREAM_GET_BASE_URL = api_utils.get_base_url


def get_base_url(request=None):
    return getattr(settings, "WAGTAILAPI_BASE_URL", None) or site_base_url(request)


def apply():
    api_utils.get_base_url = get_base_url
