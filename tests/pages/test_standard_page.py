import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from conftest import translate_page
from pages.factories import StandardPageFactory
from tests.website.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db

TITLES = {"en": "About us", "fr": "Qui sommes-nous", "es": "Quiénes somos"}
INTROS = {
    "en": "A small team beside defenders.",
    "fr": "Une petite équipe aux côtés des défenseurs.",
    "es": "Un pequeño equipo junto a las personas defensoras.",
}


@pytest.fixture
def about(site_tree):
    english = StandardPageFactory(
        parent=site_tree["en"]["home"], title=TITLES["en"], slug="about-us", intro=INTROS["en"]
    )
    pages = {"en": english}
    for language in ("fr", "es"):
        pages[language] = translate_page(
            english, language, title=TITLES[language], slug=f"about-{language}", intro=INTROS[language]
        )
    return pages


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_standard_page_renders_in_each_language_without_cookie(client, about, language):
    response = client.get(about[language].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f"<h1>{TITLES[language]}</h1>" in html
    assert INTROS[language] in html
    assert "We stand beside human rights defenders." in html  # the body, copied to translations
    assert not response.cookies


def test_standard_page_query_count_is_bounded(client, about):
    client.get(about["fr"].url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        client.get(about["fr"].url)
    assert len(queries) <= 20


def test_standard_page_in_route_and_pages_endpoints(client, about):
    french = about["fr"]
    data = client.get("/api/v3/route/", {"path": french.url}).json()
    assert data["page"]["meta"]["type"] == "pages.StandardPage"
    assert data["page"]["intro"] == INTROS["fr"]
    assert data["page"]["body"][0]["type"] == "heading"
    assert {item["language"] for item in data["translations"]} == {"en", "fr", "es"}
    listing = client.get("/api/v3/pages/", {"type": "pages.StandardPage", "locale": "es"}).json()
    assert [item["title"] for item in listing["items"]] == [TITLES["es"]]


def test_standard_page_in_the_sitemap_with_its_translations(client, about):
    sitemap = read_sitemap(client)
    english = f"http://testserver{about['en'].url}"
    assert set(sitemap[english]) == {"en", "fr", "es", "x-default"}


def test_standard_page_is_found_by_search_in_its_language(client, about):
    french = client.get("/fr/search/", {"q": "équipe"}).content.decode()
    assert TITLES["fr"] in french
    english = client.get("/en/search/", {"q": "team"}).content.decode()
    assert TITLES["en"] in english and TITLES["fr"] not in english


def test_draft_and_private_standard_pages_stay_hidden(client, site_tree):
    home = site_tree["en"]["home"]
    draft = StandardPageFactory(parent=home, slug="draft-notice", live=False)
    private = StandardPageFactory(parent=home, slug="staff-notice", title="Staff notice")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert client.get("/en/draft-notice/").status_code == 404
    assert "We stand beside" not in client.get("/en/staff-notice/").content.decode()  # the password form
    assert client.get("/api/v3/route/", {"path": "/en/staff-notice/"}).status_code == 404
    titles = [
        item["title"] for item in client.get("/api/v3/pages/", {"type": "pages.StandardPage"}).json()["items"]
    ]
    assert "Staff notice" not in titles and draft.title not in titles
    sitemap = "\n".join(read_sitemap(client))
    assert "draft-notice" not in sitemap and "staff-notice" not in sitemap
