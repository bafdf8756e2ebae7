"""The relevance set (search/relevance_set/) on the demo content, on SQLite and PostgreSQL.

The floors are what the ranking reaches on each database: a change that makes
search worse for visitors fails here. `make bench` prints the same figures.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import built_once
from search import relevance
from search.tasks import extract_document_text

pytestmark = pytest.mark.django_db

# {language: (MRR, top-1, top-3)} at least, per database vendor.
FLOORS = {
    "sqlite": {"en": (0.68, 0.58, 0.76), "fr": (0.52, 0.40, 0.63), "es": (0.56, 0.40, 0.73)},
    "postgresql": {"en": (0.68, 0.58, 0.76), "fr": (0.52, 0.40, 0.63), "es": (0.56, 0.40, 0.73)},
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site with its PDFs' text, loaded once for the module and rolled back after it."""
    from website.models import CustomDocument

    with built_once(django_db_blocker):
        call_command("load_demo", verbosity=0)
        # The upload tasks wait for a commit that never comes here: extract now.
        for document_id in CustomDocument.objects.values_list("pk", flat=True):
            extract_document_text.call(document_id)
        yield


@pytest.fixture(scope="module")
def scores(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return {language: relevance.evaluate(language) for language in relevance.languages()}


def describe(failures):
    return "\n".join(
        f"{outcome.case.query!r}: rank {outcome.rank}, got {outcome.titles}" for outcome in failures
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_set_has_enough_cases(language):
    cases = relevance.load_cases(language)
    assert len(cases) >= 25
    assert len({case.query for case in cases}) == len(cases)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_relevance_reaches_the_floor(scores, language):
    mrr, top1, top3 = FLOORS[connection.vendor][language]
    result = scores[language]
    assert result.mrr >= mrr, describe(result.failures)
    assert result.top1 >= top1, describe(result.failures)
    assert result.top3 >= top3, describe(result.failures)
