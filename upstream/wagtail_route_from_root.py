"""Workaround: Wagtail reads the home page's specific object to route any path below it (no
upstream issue found; the text to file is in upstream/ISSUES.md).

`Page.route_for_request` calls `site.root_page.localized.specific.route(request, path)`: one
query per request for a page whose own fields only its own URL needs. Where the home page's
class routes paths the default way (`BasePage.route`, website/routing.py), the path below it
is routed from the page Wagtail already read with the Site; the home page's own URL, a class
with a `route` of its own, and anything this cannot route still go through Wagtail's code. The
answer is cached on the request as upstream caches it.

Delete this module when Wagtail routes a path without the root's specific object
(tests/upstream/test_wagtail_route_from_root.py says when).
"""

from django.http import Http404
from wagtail.models import Page, Site

from website.models import BasePage

UPSTREAM_ROUTE_FOR_REQUEST = Page.route_for_request


def route_for_request(request, path):
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    components = [component for component in path.split("/") if component]
    site = Site.find_for_request(request)  # cached on the request: upstream reads it again for free
    if site is None or not components:
        return UPSTREAM_ROUTE_FOR_REQUEST(request, path)
    home = site.root_page.localized
    home_class = home.specific_class
    if home_class is None or home_class.route is not BasePage.route:
        return UPSTREAM_ROUTE_FOR_REQUEST(request, path)
    try:
        request._wagtail_route_for_request = BasePage.route(home, request, components)
    except Http404:
        request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def apply():
    Page.route_for_request = staticmethod(route_for_request)
