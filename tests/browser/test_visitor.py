"""A visitor with JavaScript switched off, as many on watched connections browse.

Lands in their language, switches to French, reads a programme, filters the
library, downloads a file, searches. Every request stays on this site and the
Content-Security-Policy is never violated.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page

from tests.public_pages import filter_choices, live_pages, pages_of_kind


@pytest.fixture
def visitor(new_visit):
    visit = new_visit(locale="es-ES", javascript=False)
    yield visit
    assert visit.foreign_requests() == []
    assert visit.csp_violations() == []


def test_root_lands_in_the_browsers_language(new_visit):
    english = new_visit(locale="en-GB")
    english.goto("/")
    assert english.page.url == english.url("/en/")
    assert english.page.locator("html").get_attribute("lang") == "en"


def test_visitor_switches_to_french_and_reads_a_programme(visitor, orm):
    page = visitor.page
    visitor.goto("/")
    assert page.url == visitor.url("/es/")
    assert page.locator("html").get_attribute("lang") == "es"

    page.locator("nav.languages a[hreflang='fr']").click()
    assert page.url == visitor.url("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"

    page.locator("main .cards a").first.click()
    assert re.match(visitor.url("/fr/") + r".+/.+/$", page.url)
    assert page.locator("html").get_attribute("lang") == "fr"
    with orm():
        programme = Page.objects.get(url_path__endswith=urlsplit(page.url).path.removeprefix("/fr"))
    assert programme.locale.language_code == "fr"
    assert page.locator("h1").inner_text() == programme.title
    # Printing shows the page's own address; the screen does not.
    assert not page.locator(".print-url").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".print-url").inner_text() == page.url
    assert not page.locator("nav.languages").is_visible()


def test_visitor_filters_the_french_library_and_downloads_a_file(visitor, orm):
    with orm():
        libraries, reason = pages_of_kind("library", "fr")
    if not libraries:
        pytest.skip(reason)
    page = visitor.page
    visitor.goto("/fr/")
    link = page.locator(f"header a[href='{libraries[0]}'], main a[href='{libraries[0]}']")
    if link.count():
        link.first.click()
    else:
        visitor.goto(libraries[0])
    assert urlsplit(page.url).path == libraries[0]

    with orm():
        publications = {publication.url for publication in live_pages("resources", "ResourcePage", "fr")}

    def listed_publications():
        hrefs = page.locator("main a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
        return [href for href in hrefs if href and urlsplit(href).path in publications]

    def apply(name, value):
        # The library's filters sit beside its results, tied to its <form> by their form attribute.
        form = page.locator("main")
        field = form.locator(f"[name='{name}']").first
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            box = form.locator(f"[name='{name}'][value='{value}']")
            if not box.is_visible():  # folded in the <details> on a narrow screen
                page.locator("main details.filters summary").click()
            box.check()
        form.locator("[type=submit]").first.click()
        assert value in parse_qs(urlsplit(page.url).query).get(name, []), (name, page.url)

    # Filter by type, then by a language that still has publications of that type.
    type_name, type_value = next(
        (name, value) for name, value in filter_choices(page.content()).items() if "type" in name
    )
    apply(type_name, type_value)
    assert listed_publications(), "filtering by type lists no publication"
    language_field = next(name for name in filter_choices(page.content()) if "lang" in name)
    language_values = page.locator(f"main [name='{language_field}']").evaluate_all(
        "fields => fields.flatMap(f => f.tagName === 'SELECT' ? [...f.options].map(o => o.value) : [f.value])"
    )
    found = []
    for value in [value for value in language_values if value][:6]:
        apply(language_field, value)
        found = listed_publications()
        if found:
            break
        page.go_back()
    assert found, "no language filter leaves a publication of that type"
    query = parse_qs(urlsplit(page.url).query)
    assert type_value in query[type_name] and query[language_field]
    page.locator(f"main a[href='{found[0]}']").first.click()

    download_link = page.locator("main a[href*='/documents/']").first
    assert re.search(r"PDF|DOCX|EPUB|ODT|TXT", download_link.locator("xpath=..").inner_text())
    with page.expect_download() as download_info:
        download_link.click(modifiers=["Alt"])  # Alt-click saves the link's target in Chromium
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename


def test_visitor_searches_in_french(visitor, orm):
    with orm():
        (url,), _reason = pages_of_kind("search", "fr")
    page = visitor.page
    visitor.goto("/fr/")
    box = page.locator("input[name='q']").first
    if not box.count():
        visitor.goto(urlsplit(url).path)
        box = page.locator("input[name='q']").first
    box.fill("défenseurs")
    box.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["défenseurs"]
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "noindex" in page.locator("meta[name='robots']").get_attribute("content")
    assert page.locator("main a[href^='/fr/']").count() > 0
