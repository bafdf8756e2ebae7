"""upstream/modelsearch_indexed_text.py: an Arabic page is indexed in its folded spelling, so a
visitor's spelling finds it on PostgreSQL and SQLite alike; and its canary."""

from importlib import import_module

import pytest
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from conftest import translate_page
from programmes.models import ProgrammePage
from tests.upstream.canaries import assert_gap_remains
from upstream.modelsearch_indexed_text import INDEXER_MODULES

pytestmark = pytest.mark.django_db


def found(language, query):
    locale = Locale.objects.get(language_code=language)
    backend = get_search_backend(language)
    return {page.pk for page in backend.search(query, ProgrammePage.objects.filter(locale=locale))}


@pytest.fixture
def arabic_programme(site_tree):
    english = site_tree["en"]
    translate_page(english["home"], "ar", title="الرئيسية", slug="home-ar")
    translate_page(english["index"], "ar", title="المناصرة الدولية", slug="index-ar")
    return translate_page(
        english["programme"],
        "ar",
        title="إعلانُ المُدافِعين: مسؤوليّة الدولة",
        slug="programme-ar",
        summary="آليات الحماية إلى جانب المدافعين",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "اعلان",  # no hamza, no damma
        "المدافعين",  # no harakat
        "مسووليه",  # waw without hamza, haa for the taa marbuta
        "اليات",  # bare alef for the madda
    ],
)
def test_an_arabic_page_is_found_in_the_spelling_a_visitor_types(arabic_programme, typed):
    assert found("ar", typed) == {arabic_programme.pk}


def test_other_languages_index_their_text_as_written(site_tree):
    french = site_tree["fr"]["programme"]
    assert found("fr", "juridique") == {french.pk}


def test_canary_modelsearch_still_has_no_hook_for_the_indexed_text():
    module = import_module(INDEXER_MODULES[connection.vendor])
    index = next(getattr(module, name) for name in ("PostgresIndex", "SQLiteIndex") if hasattr(module, name))
    hooks = ("indexer_class", "object_indexer_class", "prepare_indexed_text")
    assert_gap_remains(
        not any(hasattr(index, hook) for hook in hooks),
        gap="modelsearch's database indexes taking no hook for the text they index",
        module="modelsearch_indexed_text",
    )
