"""What a publication is found by besides its title and summary (resources/search_text.py)."""

import pytest

from conftest import translate_page
from resources.factories import ResourceCountryFactory, ResourceIndexPageFactory, ResourcePageFactory
from search.query import run_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def manual(site_tree):
    library = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    page = ResourcePageFactory(parent=library, title="Community protection manual", summary="For defenders.")
    ResourceCountryFactory(page=page, country="TH")
    page.save_revision().publish()
    for language, title in (("fr", "Manuel de protection"), ("es", "Manual de protección")):
        translate_page(library, language, slug=f"library-{language}")
        translate_page(page, language, title=title, slug=f"manual-{language}")
    return page


@pytest.mark.parametrize(
    "language,query", [("en", "Thailand"), ("fr", "Thaïlande"), ("fr", "thailande"), ("es", "Tailandia")]
)
def test_a_publication_is_found_by_its_countries_names_in_each_language(manual, language, query):
    hits = run_search({"q": query}, language, record=False).hits
    assert [hit.page.translation_key for hit in hits] == [manual.translation_key]
    assert hits[0].page.locale.language_code == language


def test_a_country_name_in_another_language_finds_nothing(manual):
    assert run_search({"q": "Tailandia"}, "en", record=False).total == 0
