"""Typos: a query that finds nothing is corrected, never for document symbols (search/spelling.py)."""

import pytest
from wagtail.models import Locale

from programmes.factories import ProgrammePageFactory
from search import spelling
from search.query import candidate_pages, run_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(site_tree):
    index = site_tree["en"]["index"]
    ProgrammePageFactory(parent=index, title="Supporting the UN Special Rapporteur", summary="A mandate.")
    ProgrammePageFactory(parent=index, title="Parliaments for defenders", summary="Members of parliament.")
    return site_tree


def test_a_typo_in_every_word_finds_the_page_and_says_what_was_searched(programmes):
    outcome = run_search({"q": "specal raporteur"}, "en", record=False)
    assert outcome.corrected_query == "special rapporteur"
    assert outcome.hits[0].title == "Supporting the UN Special Rapporteur"


def test_the_search_page_offers_the_correction(programmes, client):
    response = client.get("/en/search/", {"q": "parliements"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Did you mean" in body and "parliaments" in body
    assert "Parliaments for defenders" in body


def test_a_query_that_finds_something_is_left_alone(programmes):
    assert run_search({"q": "parliaments"}, "en", record=False).corrected_query == ""


def test_document_symbols_are_never_corrected(programmes):
    pages = candidate_pages(Locale.objects.get(language_code="en"))
    assert spelling.correct(["A/RES/53/145"], "en", pages) is None
    assert run_search({"q": "A/RES/53/145"}, "en", record=False).total == 0


def test_a_10_kb_query_looks_at_a_bounded_number_of_words(programmes, django_assert_max_num_queries):
    query = " ".join(["raporteurz"] * 1000) + " x" * 100
    with django_assert_max_num_queries(40):
        outcome = run_search({"q": query}, "en", record=False)
    assert outcome.query == query[:200].strip()
    pages = candidate_pages(Locale.objects.get(language_code="en"))
    corrected = spelling.correct(["raporteurz"] * 50, "en", pages)
    assert corrected[: spelling.MAX_WORDS] == ["rapporteur"] * spelling.MAX_WORDS
    assert corrected[spelling.MAX_WORDS :] == ["raporteurz"] * (50 - spelling.MAX_WORDS)
