"""Synonyms and acronyms per language, edited in the admin (search/synonyms.py)."""

import pytest
from django.urls import reverse
from modelsearch.query import Or, Phrase
from wagtail.models import Locale

from programmes.factories import ProgrammePageFactory
from search.models import SynonymGroup
from search.query import backend_query, run_search
from search.synonyms import units

pytestmark = pytest.mark.django_db


def test_the_seeded_groups_are_there_in_every_language_as_translations():
    for language, term in (("en", "HRD"), ("fr", "DDH"), ("es", "DDH")):
        groups = SynonymGroup.objects.filter(locale__language_code=language)
        assert any(term in group.term_list() for group in groups)
    english = SynonymGroup.objects.get(locale__language_code="en", terms__startswith="EU")
    french = SynonymGroup.objects.get(translation_key=english.translation_key, locale__language_code="fr")
    assert "Union européenne" in french.term_list()


def test_a_phrase_of_the_query_is_read_as_its_group():
    found = units(["lignes", "directrices", "UE"], "fr")
    assert found[0][0] == ["lignes", "directrices"]
    assert "orientations" in found[0][1]
    assert "Union européenne" in found[1][1]


def test_the_backend_query_searches_every_term_of_the_group():
    query = backend_query("HRD", "en")
    assert isinstance(query, Or)
    assert any(
        isinstance(part, Phrase) and part.query_string == "human rights defenders"
        for part in query.subqueries
    )


def test_symbols_are_never_expanded():
    assert units(["A/RES/53/144"], "en") == [(["A/RES/53/144"], None)]


def test_an_acronym_finds_the_page_that_spells_it_out(site_tree):
    ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Parliaments for human rights defenders", summary="."
    )
    hits = run_search({"q": "HRD"}, "en", record=False).hits
    assert hits and hits[0].title == "Parliaments for human rights defenders"


def test_a_group_edited_in_the_admin_applies_to_the_next_search(site_tree):
    ProgrammePageFactory(parent=site_tree["en"]["index"], title="Twinning", summary="Twinning programme.")
    assert run_search({"q": "pairing"}, "en", record=False).total == 0
    SynonymGroup.objects.create(locale=Locale.objects.get(language_code="en"), terms="pairing, twinning")
    assert run_search({"q": "pairing"}, "en", record=False).total == 1


def test_comms_staff_find_the_synonyms_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_search_synonymgroup:list"))
    assert response.status_code == 200
    assert "UE, EU, Union européenne" in response.content.decode()
    found = admin_client.get(reverse("wagtailsnippets_search_synonymgroup:list"), {"q": "HRD"})
    assert "human rights defender" in found.content.decode()


def test_a_symbol_inside_a_phrase_is_kept_as_typed():
    found = units(["European", "A/RES/53/144", "Union"], "en")
    assert [typed for typed, _alternatives in found] == [["European"], ["A/RES/53/144"], ["Union"]]
