"""Canary for upstream/wagtail_route_from_root.py: a path below the home page is routed without
reading the home page's specific object, and answers as Wagtail's routing does."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_route_from_root import UPSTREAM_ROUTE_FOR_REQUEST
from website.visibility import RequestVisibilityMiddleware

pytestmark = pytest.mark.django_db


def path_of(page):
    """The path Wagtail's serve view routes: the page's URL without its language prefix."""
    return page.url.split("/", 2)[2]


def routed(route_for_request, path):
    """(page, queries) of routing `path` within one request."""
    request = RequestFactory().get("/en/" + path)
    found = {}

    def view(request):
        found["route"] = route_for_request(request, path)

    with CaptureQueriesContext(connection) as queries:
        RequestVisibilityMiddleware(view)(request)
    route = found["route"]
    return (route[0] if route else None), len(queries)


def test_the_same_page_with_one_query_less(site_tree):
    path = path_of(site_tree["en"]["programme"])
    page, queries = routed(Page.route_for_request, path)
    upstream_page, upstream_queries = routed(UPSTREAM_ROUTE_FOR_REQUEST, path)
    assert page.pk == upstream_page.pk == site_tree["en"]["programme"].pk
    assert type(page) is type(upstream_page)
    assert queries < upstream_queries


def test_a_missing_page_is_not_found_either_way(site_tree):
    path = path_of(site_tree["en"]["index"]) + "no-such-page/"
    assert routed(Page.route_for_request, path)[0] is None
    assert routed(UPSTREAM_ROUTE_FOR_REQUEST, path)[0] is None


def test_canary_wagtail_reads_the_home_page_to_route_below_it(site_tree):
    path = path_of(site_tree["en"]["index"])
    _page, queries = routed(UPSTREAM_ROUTE_FOR_REQUEST, path)
    _page, ours = routed(Page.route_for_request, path)
    assert_gap_remains(
        queries > ours,
        gap="route_for_request reading the root page's specific object",
        module="wagtail_route_from_root",
    )
