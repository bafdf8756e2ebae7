"""Finding one's way around the public site (issue 13), with JavaScript off as many visitors
on watched connections browse: search from every page, the library on a phone with its
results first, filters kept across languages, the menu in line with the logo."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.public_pages import PAGE_KINDS, SEARCH_WORDS, pages_of_kind

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SEARCH_PATHS = {"en": "/en/search/", "fr": "/fr/recherche/", "es": "/es/buscar/"}


@pytest.fixture
def visitor(new_visit):
    visit = new_visit(locale="en-GB", javascript=False)
    yield visit
    assert visit.foreign_requests() == []
    assert visit.csp_violations() == []


def library_url(orm, language):
    with orm():
        libraries, reason = pages_of_kind("library", language)
    if not libraries:
        pytest.skip(reason)
    return libraries[0]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_visitor_reaches_search_from_every_page_type(visitor, orm, language):
    page = visitor.page
    for kind in PAGE_KINDS:
        with orm():
            urls, reason = pages_of_kind(kind, language)
        assert urls, f"{kind}: {reason}"
        visitor.goto(urls[0])
        box = page.locator("header form[role=search] input[name=q]")
        box.fill(SEARCH_WORDS[language])
        page.locator("header form[role=search] button[type=submit]").click()
        assert urlsplit(page.url).path == SEARCH_PATHS[language], kind
        assert parse_qs(urlsplit(page.url).query)["q"] == [SEARCH_WORDS[language]], kind
        assert page.locator("main .search-hit").count() > 0, kind


def test_on_a_phone_the_library_shows_results_first_and_apply_returns_to_them(visitor, orm):
    page = visitor.page
    page.set_viewport_size(PHONE)
    visitor.goto(library_url(orm, "en"))
    results = page.locator("#results h2")
    assert results.bounding_box()["y"] + results.bounding_box()["height"] < PHONE["height"]
    filters = page.locator("main details.filters")
    assert filters.get_attribute("open") is None
    first_option = page.locator("main details.filters input[type=checkbox]").first
    assert not first_option.is_visible()

    page.locator("main details.filters summary").click()
    first_option.check()
    name, value = first_option.get_attribute("name"), first_option.get_attribute("value")
    page.locator("main details.filters button[type=submit]").click()
    assert parse_qs(urlsplit(page.url).query)[name] == [value]
    assert urlsplit(page.url).fragment == "results"
    assert page.evaluate("window.scrollY") > 0
    box = page.locator("#results h2").bounding_box()
    assert 0 <= box["y"] < PHONE["height"] / 2  # the results, not the filters again
    chip = page.locator("#results a.chip")
    assert chip.count() == 1
    chip.click()
    assert name not in parse_qs(urlsplit(page.url).query)


def test_on_a_wide_screen_the_filters_stand_beside_the_results(visitor, orm):
    page = visitor.page
    page.set_viewport_size(DESKTOP)
    visitor.goto(library_url(orm, "en"))
    option = page.locator("main details.filters input[type=checkbox]").first
    assert option.is_visible()  # no need to unfold them
    filters = page.locator("main details.filters").bounding_box()
    results = page.locator("#results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]
    assert abs(filters["y"] - results["y"]) < 50


def test_switching_language_keeps_the_librarys_filters(visitor, orm):
    page = visitor.page
    visitor.goto(library_url(orm, "en"))
    option = page.locator("main details.filters input[type=checkbox]").first
    name, value = option.get_attribute("name"), option.get_attribute("value")
    option.check()
    page.locator("main details.filters button[type=submit]").click()
    page.locator("nav.languages a[hreflang='fr']").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert parse_qs(urlsplit(page.url).query)[name] == [value]
    assert page.locator(f"main input[name='{name}'][value='{value}']").is_checked()
    assert page.locator("#results a.chip").count() == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_main_menu_lines_up_with_the_logo(visitor, viewport):
    page = visitor.page
    page.set_viewport_size(viewport)
    visitor.goto("/en/")
    logo = page.locator("header .brand").bounding_box()
    menu = page.locator(".main-nav li").first.bounding_box()
    assert abs(logo["x"] - menu["x"]) <= 1
    assert logo["x"] > 0
