"""The relevance set (search/relevance_set/) on the demo content, on SQLite and PostgreSQL.

The floors are what the ranking reaches on each database: a change that makes
search worse for visitors fails here. `make bench` prints the same figures.
"""

import pytest
from django.conf import settings
from django.db import connection

from conftest import demo_site
from search import relevance

pytestmark = pytest.mark.django_db

# {language: (MRR, top-1, top-3)} at least, per database vendor: what the ranking,
# synonyms, spelling and country names reach (before them, on SQLite: en 0.68/59%/76%,
# fr 0.52/40%/63%, es 0.57/40%/73%; the README has both databases' figures).
# Portuguese and Arabic (issue 18): every case passes; in Arabic one top-3 case ranks second.
FLOORS = {
    "sqlite": {
        "en": (0.98, 0.97, 1.0),
        "fr": (0.98, 0.96, 1.0),
        "es": (0.98, 0.96, 1.0),
        "pt": (1.0, 1.0, 1.0),
        "ar": (0.97, 0.95, 1.0),
    },
    "postgresql": {
        "en": (0.98, 0.97, 1.0),
        "fr": (0.98, 0.96, 1.0),
        "es": (0.98, 0.96, 1.0),
        "pt": (1.0, 1.0, 1.0),
        "ar": (0.97, 0.95, 1.0),
    },
}
# Cases per language at least: a language added later starts with 15 (issue 18).
MIN_CASES = {"en": 25, "fr": 25, "es": 25}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site with its PDFs' text, for this module only."""
    with demo_site(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def scores(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return {language: relevance.evaluate(language) for language in relevance.languages()}


def describe(failures):
    return "\n".join(
        f"{outcome.case.query!r}: rank {outcome.rank}, got {outcome.titles}" for outcome in failures
    )


@pytest.mark.parametrize("language", relevance.languages())
def test_the_set_has_enough_cases(language):
    cases = relevance.load_cases(language)
    assert len(cases) >= MIN_CASES.get(language, 15)
    assert len({case.query for case in cases}) == len(cases)


def test_every_content_language_has_a_set_and_a_floor():
    content_languages = {code for code, _name in settings.LANGUAGES}
    assert set(relevance.languages()) == content_languages
    assert set(FLOORS[connection.vendor]) == content_languages


@pytest.mark.parametrize("language", relevance.languages())
def test_relevance_reaches_the_floor(scores, language):
    mrr, top1, top3 = FLOORS[connection.vendor][language]
    result = scores[language]
    assert result.mrr >= mrr, describe(result.failures)
    assert result.top1 >= top1, describe(result.failures)
    assert result.top3 >= top3, describe(result.failures)


ISSUE_CASES = [
    (language, case.query)
    for language in ("en", "fr", "es")
    for case in relevance.load_cases(language)
    if case.why.startswith("issue 15")
]


def test_every_query_of_the_issue_is_in_the_set():
    queries = {query for _language, query in ISSUE_CASES}
    assert {
        "special rapporteur",
        "politicas publicas",
        "criminalization",
        "HRD",
        "Thailand",
        "protection polcy",
        "lignes directrices UE",
    } <= queries


@pytest.mark.parametrize("language,query", ISSUE_CASES)
def test_every_query_of_the_issue_finds_its_page_first(scores, language, query):
    outcome = next(outcome for outcome in scores[language].outcomes if outcome.case.query == query)
    assert outcome.case.must_be_first and outcome.rank == 1, f"rank {outcome.rank}: {outcome.titles}"
