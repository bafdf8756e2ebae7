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
    french = client.get("/fr/recherche/", {"q": "équipe"}).content.decode()
    assert TITLES["fr"] in french
    english = client.get("/en/search/", {"q": "team"}).content.decode()
    assert TITLES["en"] in english and TITLES["fr"] not in english


HIDDEN_CASES = ("draft", "unpublished", "private", "below_private", "below_unpublished")


@pytest.fixture
def hidden_pages(site_tree):
    """A public control and each kind of hidden standard page; each holds the word "Vismark"."""
    home = site_tree["en"]["home"]

    def make(case, parent=home, **kwargs):
        return StandardPageFactory(parent=parent, title=f"Vismark {case}", slug=f"vis-{case}", **kwargs)

    pages = {"public": make("public"), "draft": make("draft", live=False)}
    pages["unpublished"] = make("unpublished")
    pages["unpublished"].unpublish()
    pages["private"] = make("private")
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="password", password="x")
    pages["below_private"] = make("below_private", parent=pages["private"])
    section = make("section")
    pages["below_unpublished"] = make("below_unpublished", parent=section)
    section.unpublish()
    return pages


SURFACES = {
    "html page": lambda client, page: (
        (response := client.get(page.url)).status_code == 200
        and "We stand beside" in response.content.decode()
    ),
    "api page detail": lambda client, page: client.get(f"/api/v3/pages/{page.pk}/").status_code == 200,
    "api route": lambda client, page: client.get("/api/v3/route/", {"path": page.url}).status_code == 200,
    "api pages": lambda client, page: (
        page.pk
        in {
            item["id"]
            for item in client.get("/api/v3/pages/", {"type": "pages.StandardPage", "limit": 20}).json()[
                "items"
            ]
        }
    ),
    "sitemap": lambda client, page: f"/{page.slug}/" in "\n".join(read_sitemap(client)),
    "search": lambda client, page: page.title in client.get("/en/search/", {"q": "Vismark"}).content.decode(),
}


@pytest.mark.parametrize("surface", SURFACES)
def test_hidden_standard_pages_reach_no_anonymous_visitor(client, hidden_pages, surface):
    reaches = SURFACES[surface]
    assert reaches(client, hidden_pages["public"]), "the public control must be visible"
    shown = [case for case in HIDDEN_CASES if reaches(client, hidden_pages[case])]
    assert shown == []
