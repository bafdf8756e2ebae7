"""Canaries for upstream/wagtail_api_visibility.py (its behaviour: tests/headless/test_visibility.py and the
surface × hidden-kind matrix, tests/website/test_visibility_matrix.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.models import Collection, CollectionViewRestriction, Page

from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_api_visibility import UPSTREAM_GET_PAGES_QUERYSET, get_pages_queryset

pytestmark = pytest.mark.django_db


def anonymous_request(session=None):
    request = RequestFactory().get("/api/v3/pages/")
    request.user = AnonymousUser()
    request.session = session or {}
    return request


@pytest.fixture
def page_below_an_unpublished_section(site_tree):
    site_tree["en"]["index"].unpublish()
    return site_tree["en"]["programme"]


def test_the_api_leaves_out_pages_below_an_unpublished_section(page_below_an_unpublished_section):
    pages = get_pages_queryset(anonymous_request())
    assert not pages.filter(pk=page_below_an_unpublished_section.pk).exists()


def test_canary_v3_still_serves_pages_below_an_unpublished_section(page_below_an_unpublished_section):
    pages = UPSTREAM_GET_PAGES_QUERYSET(anonymous_request(), Page)
    assert_gap_remains(
        pages.filter(pk=page_below_an_unpublished_section.pk).exists(),
        gap="v3 serving live pages below an unpublished section",
        module="wagtail_api_visibility",
    )


def test_canary_v3_still_opens_a_password_collection_to_the_session_that_entered_it(db):
    collection = Collection.get_first_root_node().add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret"
    )
    session = {CollectionViewRestriction.passed_view_restrictions_session_key: [restriction.pk]}
    assert collection.pk in get_restricted_collection_ids(anonymous_request())
    assert_gap_remains(
        collection.pk not in get_restricted_collection_ids(anonymous_request(session)),
        gap="v3 opening a password-restricted collection to a session, through shared caches",
        module="wagtail_api_visibility",
    )
