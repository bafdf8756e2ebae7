"""pages/find/?html_path= finds a page by the path the site and the API give it, language prefix included."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from wagtail.api.v3.routers import pages as v3_pages

from tests.headless.conftest import make_private
from tests.upstream.canaries import assert_gap_remains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_page_is_found_by_its_path_in_every_language(client, site_tree, language):
    page = site_tree[language]["programme"]

    response = client.get("/api/v3/pages/find", {"html_path": page.url, "fields": "title"})

    assert response.status_code == 302
    assert response["Location"] == f"/api/v3/pages/{page.pk}/?fields=title"


def test_a_home_page_is_found_by_its_language(client, site_tree):
    response = client.get("/api/v3/pages/find", {"html_path": "/es/"})

    assert response["Location"].startswith(f"/api/v3/pages/{site_tree['es']['home'].pk}/")


def test_a_private_page_is_not_found_by_its_path(client, site_tree):
    page = site_tree["fr"]["programme"]
    make_private(page)

    assert client.get("/api/v3/pages/find", {"html_path": page.url}).status_code == 404


def test_an_unknown_path_is_still_a_404(client, site_tree):
    assert client.get("/api/v3/pages/find", {"html_path": "/fr/nulle-part/"}).status_code == 404


def test_upstream_routes_a_prefixed_path_from_the_root(rf, site_tree):
    page = site_tree["fr"]["programme"]
    request = rf.get("/api/v3/pages/find/")
    request.user = AnonymousUser()
    try:
        v3_pages.find_page(request, html_path=page.url)  # the module's function, not the decorated operation
        found = True
    except Http404:
        found = False

    assert_gap_remains(
        not found,
        gap="find's html_path ignoring the language prefix",
        module="wagtail_api_find_language_prefix",
    )
