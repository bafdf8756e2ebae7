"""manage.py reindex: one language or all, readable progress, and bad arguments refused."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from conftest import translate_page
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def found(language, query):
    locale = Locale.objects.get(language_code=language)
    return {
        page.pk
        for page in get_search_backend(language).search(query, ProgrammePage.objects.filter(locale=locale))
    }


@pytest.fixture
def pages(site_tree):
    index = site_tree["en"]["index"]
    page = ProgrammePageFactory(parent=index, title="Protection desks")
    french = translate_page(page, "fr", title="Bureaux de protection", slug="bureaux")
    return {"en": page, "fr": french}


def reindex(**options):
    out = StringIO()
    call_command("reindex", stdout=out, **options)
    return out.getvalue()


def test_reindex_one_locale_shows_progress_and_drops_stale_entries(pages):
    # A change the signal handlers did not see (a queryset update) is caught by a rebuild.
    ProgrammePage.objects.filter(pk=pages["fr"].pk).update(live=False)
    output = reindex(locale="fr")
    assert found("fr", "bureaux") == set()
    assert found("en", "desks") == {pages["en"].pk}
    # Readable: the language, each page type with its real count, the total.
    assert "object at 0x" not in output
    assert "fr: programmes.ProgrammePage: 1 page\n" in output  # the French "Plaidoyer juridique"
    assert "fr: indexed 1 page in" in output
    assert "en:" not in output


def test_reindex_counts_only_the_pages_of_each_language(pages):
    output = reindex()
    # English: the site_tree programme and "Protection desks"; French: their translations.
    assert "en: indexed 2 pages" in output and "fr: indexed 2 pages" in output
    assert "es: indexed 1 page " in output
    assert "database index" in output


def test_chunks_report_progress(pages):
    index = pages["en"].get_parent()
    for number in range(4):
        ProgrammePageFactory(parent=index, title=f"Shelter {number}", slug=f"shelter-{number}")
    output = reindex(locale="en", chunk_size=2)
    assert "en: programmes.ProgrammePage: 2 of 6 pages" in output
    assert "en: programmes.ProgrammePage: 6 pages" in output
    assert len(found("en", "shelter")) == 4


@pytest.mark.parametrize("chunk_size", ["0", "-5", "many"])
def test_a_bad_chunk_size_is_a_usage_error_and_the_index_is_untouched(pages, chunk_size):
    before = IndexEntry.objects.count()
    with pytest.raises(CommandError, match="chunk_size.*whole number of 1 or more"):
        call_command("reindex", "--chunk_size", chunk_size)
    assert IndexEntry.objects.count() == before > 0
    assert found("en", "desks") == {pages["en"].pk}


@pytest.mark.parametrize(
    "options,message",
    [
        ({"locale": "xx"}, "Unknown --locale 'xx'; choose one of en, fr, es"),
        ({"backend_name": "xx"}, "Unknown --backend 'xx'; choose one of en, fr, es"),
        ({"backend_name": "default"}, "Unknown --backend 'default'"),
        ({"locale": "fr", "backend_name": "es"}, "--locale fr and --backend es disagree"),
    ],
)
def test_unknown_or_conflicting_languages_are_refused(pages, options, message):
    before = IndexEntry.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("reindex", **options)
    assert IndexEntry.objects.count() == before


def test_backend_is_the_same_as_locale(pages):
    ProgrammePage.objects.filter(pk=pages["fr"].pk).update(live=False)
    output = reindex(backend_name="fr")
    assert "fr: indexed" in output and found("fr", "bureaux") == set()
