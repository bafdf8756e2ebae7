"""API v3's base URL is this site's, not the Site record's (behaviour: tests/headless/test_absolute_urls.py)."""

import pytest
from django.test import RequestFactory

from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_api_base_url import UPSTREAM_GET_BASE_URL, get_base_url

pytestmark = pytest.mark.django_db


def test_the_base_url_is_the_requests_host(site_tree):
    request = RequestFactory().get("/api/v3/pages/", HTTP_HOST="localhost:8080")
    assert get_base_url(request) == "http://localhost:8080"


def test_canary_wagtails_base_url_still_comes_from_the_site_record(site_tree):
    request = RequestFactory().get("/api/v3/pages/", HTTP_HOST="localhost:8080")
    assert_gap_remains(
        UPSTREAM_GET_BASE_URL(request) != "http://localhost:8080",
        gap="API v3 URLs built from the Site record instead of the request",
        module="wagtail_api_base_url",
    )
