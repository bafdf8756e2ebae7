"""Every question the visibility policy answers, with what each answer costs in queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage
from tests.website.visibility_tree import HIDDEN_PAGES, built_once
from website.models import User
from website.visibility import (
    RequestVisibilityMiddleware,
    hidden_sections,
    is_document_public,
    is_page_public,
    public_link_target,
    public_pages,
    public_translations,
    restricted_collection_ids,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker) as built:
        yield built


def in_request(ask, user=None):
    """Run `ask(request)` inside a request, as the middleware gives each one its memo."""
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return RequestVisibilityMiddleware(ask)(request)


def test_public_pages_keep_the_public_page_and_drop_every_hidden_kind(tree, django_assert_num_queries):
    pages = tree["pages"]
    with django_assert_num_queries(2):  # the hidden sections, then the pages
        visible = set(public_pages().values_list("pk", flat=True))
    assert pages["public"].pk in visible
    assert tree["holder"].pk in visible
    assert [case for case in HIDDEN_PAGES if pages[case].pk in visible] == []


def test_hidden_sections_are_the_outermost_restricted_or_unpublished_parents(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        sections = hidden_sections()
    by_slug = dict(Page.objects.filter(path__in=sections).values_list("slug", "path"))
    # A draft without children hides no other page: `live` covers it.
    assert sorted(by_slug) == ["vis-groups", "vis-password", "vis-private-section", "vis-unpublished-section"]


def test_every_search_backend_takes_public_pages(tree):
    """Path filters only: the database backends refuse an `Exists` subquery, Elasticsearch too."""
    results = get_search_backend("en").search("Vismark", public_pages(ResourcePage.objects.all()))
    found = {page.pk for page in results}
    assert tree["pages"]["public"].pk in found
    assert not found & {tree["pages"][case].pk for case in HIDDEN_PAGES}


def test_is_page_public_answers_in_memory(tree, django_assert_num_queries):
    pages = tree["pages"]

    def ask(request):
        return {case: is_page_public(page) for case, page in pages.items()}

    with django_assert_num_queries(1):
        answers = in_request(ask)
    assert answers == {"public": True, **dict.fromkeys(HIDDEN_PAGES, False)}


def test_public_translations_are_the_live_public_ones_in_one_query(tree, django_assert_num_queries):
    public = tree["pages"]["public"]
    with django_assert_num_queries(2):  # the hidden sections, then the translations
        found = public_translations(public)
    # The Spanish translation was unpublished.
    assert {code: page.pk for code, page in found.items()} == {
        "en": public.pk,
        "fr": tree["french"]["public"].pk,
    }
    assert all(type(page) is ResourcePage for page in found.values())
    assert public_translations(ResourcePage(title="Unsaved")) == {}


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "french"), ("es", "english"), ("en", "english")],
)
def test_a_link_leads_to_the_public_translation_in_the_language_else_to_the_page(tree, language, expected):
    public = tree["pages"]["public"]
    target = {"french": tree["french"]["public"], "english": public}[expected]
    with translation.override(language):
        assert public_link_target(public).pk == target.pk
    assert public_link_target(public, language).pk == target.pk


def test_a_link_to_a_hidden_page_leads_nowhere(tree):
    for case in HIDDEN_PAGES:
        assert public_link_target(tree["pages"][case]) is None, case
    assert public_link_target(None) is None


def test_restricted_collections_and_documents(tree, django_assert_num_queries):
    documents = tree["documents"]
    minutes = documents["private_collection"].collection
    with django_assert_num_queries(2):  # the restrictions, then the collections below them
        restricted = restricted_collection_ids()
    assert restricted == {minutes.get_parent().pk, minutes.pk}
    assert not is_document_public(documents["private_collection"])
    assert is_document_public(documents["public"])


def test_a_token_holder_passes_group_and_login_restrictions_but_never_a_password(tree):
    partners = Collection.get_first_root_node().add_child(name="Partners")
    CollectionViewRestriction.objects.create(collection=partners, restriction_type="password", password="x")
    user = User.objects.create_user("reader", password="unused-password")

    minutes = tree["documents"]["private_collection"].collection

    assert in_request(restricted_collection_ids, user=user) == {partners.pk}
    assert in_request(restricted_collection_ids) == {partners.pk, minutes.pk, minutes.get_parent().pk}


def test_a_request_runs_each_lookup_once(tree, django_assert_num_queries):
    public = tree["pages"]["public"]
    document = tree["documents"]["public"]

    def ask_twice(request):
        for _ in range(2):
            public_pages(ResourcePage.objects.all()).count()
            is_page_public(public)
            public_translations(public)
            public_link_target(public, "fr")
            is_document_public(document)

    # Hidden sections, translations, restrictions and collections once; the two counts.
    with django_assert_num_queries(6):
        in_request(ask_twice)


def test_a_write_within_the_request_drops_what_it_read(tree):
    public = tree["pages"]["public"]

    def restrict_then_ask(request):
        assert is_page_public(public)
        PageViewRestriction.objects.create(page=public, restriction_type="login")
        return is_page_public(public)

    assert in_request(restrict_then_ask) is False
