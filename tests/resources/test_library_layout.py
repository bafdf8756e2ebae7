"""The library as a visitor finds it (issue 13): results first with the filters folded, active
filters as removable chips, back to the results after Apply, filters kept across languages,
publishers and file sizes in the visitor's language."""

import pytest
from bs4 import BeautifulSoup

from tests.resources.conftest import make_publication, translate_publication

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def catalogue(library_tree):
    en, t = library_tree["en"], library_tree["taxonomy"]
    manual = make_publication(
        en["library"],
        title="Protection manual",
        resource_type=t["manual"],
        topics=[t["criminalisation"]],
        files=("en", "fr"),
        publisher="United Nations General Assembly",
    )
    make_publication(en["library"], title="Focus report", resource_type=t["report"])
    library_tree["manual"] = manual
    return library_tree


def test_the_filters_are_folded_before_the_results_and_apply_returns_to_them(client, catalogue):
    html = soup(client.get(catalogue["en"]["library"].url))
    form = html.select_one("main form[role=search]")
    assert form["action"] == f"{catalogue['en']['library'].url}#results"
    details = html.select_one("main details.filters")
    assert details is not None and not details.has_attr("open")  # folded on a phone
    checkboxes = details.select("input[type=checkbox]")
    assert checkboxes and all(box["form"] == form["id"] for box in checkboxes)
    assert details.select_one("button[type=submit]")["form"] == form["id"]
    results = html.select_one("#results")
    assert results is not None and "2 publications" in results.h2.get_text()


def test_each_filter_in_use_is_a_chip_that_removes_it(client, catalogue):
    library = catalogue["en"]["library"]
    html = soup(client.get(library.url, {"topic": "criminalisation", "type": "manual"}))
    chips = {chip.get_text(" ", strip=True): chip["href"] for chip in html.select("#results a.chip")}
    assert len(chips) == 2
    by_text = {text.split(" ×")[0]: href for text, href in chips.items()}
    assert by_text["Remove filter Topic: Criminalisation"] == "?type=manual#results"
    assert by_text["Remove filter Type: Manual"] == "?topic=criminalisation#results"


def test_switching_language_keeps_the_filters(client, catalogue):
    library = catalogue["en"]["library"]
    html = soup(client.get(library.url, {"topic": "criminalisation", "sort": "title"}))
    french = html.select_one('.languages a[hreflang="fr"]')["href"]
    assert french == f"{catalogue['fr']['library'].url}?topic=criminalisation&sort=title"
    chips = soup(client.get(french)).select("#results a.chip")
    assert [chip.get_text(" ", strip=True) for chip in chips] == [
        "Retirer le filtre Thème\xa0: Criminalisation ×"
    ]


def test_a_spanish_publication_shows_the_publisher_as_its_translation_names_it(client, catalogue):
    manual = catalogue["manual"]
    spanish = translate_publication(manual, "es", "Manual de protección", "Un manual.")
    spanish.publisher = "Asamblea General de las Naciones Unidas"
    spanish.save_revision().publish()
    html = soup(client.get(spanish.url)).get_text()
    assert "Asamblea General de las Naciones Unidas" in html
    assert "United Nations General Assembly" not in html
    english = soup(client.get(manual.url)).get_text()
    assert "United Nations General Assembly" in english


def test_french_file_sizes_read_in_kilo_octets(client, catalogue):
    manual = catalogue["manual"]
    french = translate_publication(manual, "fr", "Manuel de protection", "Un manuel.")
    sizes = [meta.get_text() for meta in soup(client.get(french.url)).select(".files .file-meta")]
    assert sizes and all("\xa0Ko" in size or "octets" in size for size in sizes), sizes
    assert not any("Kio" in size or "KB" in size for size in sizes)
