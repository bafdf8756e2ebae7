"""The search itself: what a query finds, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection
from modelsearch.query import And, Or, Phrase, PlainText

from conftest import translate_page
from programmes.factories import ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourceIdentifier
from search.query import MAX_TERMS, backend_query, run_search

pytestmark = pytest.mark.django_db


def titles(query, language):
    return [hit.title for hit in run_search({"q": query}, language, record=False).hits]


@pytest.fixture
def french(site_tree):
    index = site_tree["en"]["index"]
    masculine = ProgrammePageFactory(parent=index, title="Networks", slug="networks")
    feminine = ProgrammePageFactory(parent=index, title="Women", slug="women")
    translate_page(
        masculine,
        "fr",
        title="Réseaux",
        slug="reseaux",
        summary="Des réseaux de défenseurs des droits humains dans les campagnes.",
    )
    translate_page(
        feminine,
        "fr",
        title="Femmes",
        slug="femmes",
        summary="Un fonds pour les défenseuses des droits humains menacées.",
    )


NEEDS_STEMMING = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a singular finding a plural needs PostgreSQL's French stemmer (SQLite FTS5 has none)",
)


@pytest.mark.parametrize(
    "query",
    [
        "défenseuses",
        "défenseurs",
        "défenseur·e·s",
        "défenseur.e.s",
        "défenseuses des droits humains",
        pytest.param("défenseuse", marks=NEEDS_STEMMING),
        pytest.param("défenseuse des droits humains", marks=NEEDS_STEMMING),
    ],
)
def test_feminine_masculine_and_inclusive_forms_find_each_other(french, query):
    assert sorted(titles(query, "fr")) == ["Femmes", "Réseaux"]


def test_spanish_inclusive_spelling_finds_the_word(site_tree):
    index = site_tree["en"]["index"]
    page = ProgrammePageFactory(parent=index, title="Networks", slug="networks")
    translate_page(page, "es", title="Redes", slug="redes", summary="Redes de defensores en el campo.")
    assert titles("defensores/as", "es") == ["Redes"]


@pytest.fixture
def resolution(home):
    library = ResourceIndexPageFactory(parent=home)
    page = ResourcePageFactory(parent=library, title="Resolution on defenders in Africa")
    ResourceIdentifier.objects.create(page=page, scheme="achpr", value="ACHPR/Res.69(XXXV)04")
    ResourceIdentifier.objects.create(page=page, scheme="un-symbol", value="A/RES/53/144")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("query", ["A/RES/53/144", "A/RES/53", "Res.69", "ACHPR/Res.69", "ares53144"])
def test_identifiers_are_found_whole_or_by_their_first_parts(resolution, query):
    assert titles(query, "en") == [resolution.title]


def test_the_snippet_marks_the_identifier_whole(resolution):
    hit = run_search({"q": "A/RES/53/144"}, "en", record=False).hits[0]
    assert "<mark>A/RES/53/144</mark>" in hit.snippet
    # The spellings indexed for searching are not shown.
    assert "ARES53144" not in hit.snippet and "A RES 53 144" not in hit.snippet


def test_backend_query_structure():
    assert backend_query("droits", "fr").query_string == "droits"
    query = backend_query('défenseuses "droits humains" Res.69', "fr")
    assert isinstance(query, And)
    feminine, phrase, identifier = query.subqueries
    assert isinstance(feminine, Or)
    assert [sub.query_string for sub in feminine.subqueries] == ["défenseuses", "défenseurs"]
    assert isinstance(phrase, Phrase) and phrase.query_string == "droits humains"
    assert [type(sub) for sub in identifier.subqueries] == [PlainText, Phrase]
    assert identifier.subqueries[1].query_string == "Res 69"
    assert backend_query("!!! ((", "en") is None


def test_backend_query_is_bounded():
    query = backend_query(" ".join(f"word{number}" for number in range(100)), "en")
    assert len(query.subqueries) == MAX_TERMS
