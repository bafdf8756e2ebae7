"""Canary for upstream/wagtail_redirect_query_string.py (its behaviour: tests/resources/test_views.py,
a renamed library keeping the visitor's search and filters)."""

import pytest
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.contrib.redirects.models import Redirect

from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_redirect_query_string import QueryKeepingRedirectMiddleware

pytestmark = pytest.mark.django_db


def location(middleware_class):
    Redirect.objects.create(old_path="/fr/resources", redirect_link="/fr/ressources/")
    request = RequestFactory().get("/fr/resources/", {"q": "défenseurs", "type": "manual"})
    middleware = middleware_class(lambda request: HttpResponseNotFound())
    return middleware(request)["Location"]


def test_the_query_follows_the_redirect():
    assert location(QueryKeepingRedirectMiddleware).endswith("/fr/ressources/?q=d%C3%A9fenseurs&type=manual")


def test_canary_wagtails_redirect_still_drops_the_query():
    assert_gap_remains(
        "?" not in location(RedirectMiddleware),
        gap="Wagtail's RedirectMiddleware dropping the query string (wagtail/wagtail#4414)",
        module="wagtail_redirect_query_string",
    )
