import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from conftest import queries_of_a_fresh_render, translate_page
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import PAGE_SIZE
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.website.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "MPs twin with defenders at risk",
    "fr": "Des parlementaires parrainent des défenseurs",
    "es": "Parlamentarios apadrinan a defensores",
}


@pytest.fixture
def newsroom(site_tree):
    """A news index in each language, an English statement about the tree's programme, translated."""
    programme = site_tree["en"]["programme"]
    indexes = {"en": NewsIndexPageFactory(parent=site_tree["en"]["home"])}
    for language in ("fr", "es"):
        indexes[language] = translate_page(
            indexes["en"], language, title=f"News {language}", slug=f"news-{language}"
        )
    statement = NewsPageFactory(
        parent=indexes["en"],
        title=TITLES["en"],
        slug="twinning",
        kind="statement",
        date=datetime.date(2024, 6, 3),
        summary="Twelve MPs paired with defenders.",
        related_programmes=[programme],
    )
    items = {"en": statement}
    for language in ("fr", "es"):
        items[language] = translate_page(
            statement, language, title=TITLES[language], slug=f"twinning-{language}"
        )
    return {"indexes": indexes, "items": items, "programme": programme}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_news_item_renders_in_each_language_with_its_kind_date_and_programme(
    client, site_tree, newsroom, language
):
    response = client.get(newsroom["items"][language].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f"<h1>{TITLES[language]}</h1>" in html
    assert '<time datetime="2024-06-03">' in html
    assert site_tree[language]["programme"].title in html  # the programme in the page's language
    assert 'id="share-heading"' in html
    assert not response.cookies


def test_news_index_lists_newest_first_and_untranslated_items_with_a_badge(client, newsroom):
    NewsPageFactory(parent=newsroom["indexes"]["en"], title="Only in English", date=datetime.date(2025, 1, 2))
    html = client.get(newsroom["indexes"]["fr"].url).content.decode()
    assert html.index("Only in English") < html.index(TITLES["fr"])
    assert TITLES["en"] not in html  # its French translation stands for it
    assert 'lang="en">Only in English</a>' in html


def test_news_index_pages_and_refuses_a_page_past_the_last(client, newsroom):
    index = newsroom["indexes"]["en"]
    for _ in range(PAGE_SIZE):
        NewsPageFactory(parent=index)
    assert "Page 2 of 2" in client.get(index.url, {"page": 2}).content.decode()
    assert client.get(index.url, {"page": 3}).status_code == 404
    assert client.get(index.url, {"page": "x"}).status_code == 404


def test_news_index_query_count_does_not_grow_with_the_items(client, newsroom):
    index = newsroom["indexes"]["fr"]
    few = queries_of_a_fresh_render(client, index.url)
    for _ in range(8):
        NewsPageFactory(parent=newsroom["indexes"]["en"])
    assert queries_of_a_fresh_render(client, index.url) == few <= 20


def test_news_feed_is_per_language_rss(client, newsroom):
    index = newsroom["indexes"]["es"]
    response = client.get(index.url + "feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "es"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [TITLES["es"]]
    assert channel.find("item").findtext("category") == "Declaración"


def test_programme_page_lists_its_latest_news_in_its_language(client, site_tree, newsroom):
    html = client.get(site_tree["fr"]["programme"].url).content.decode()
    assert TITLES["fr"] in html
    assert f'href="{newsroom["indexes"]["fr"].url}"' in html


def test_programme_page_queries_stay_bounded_with_more_news(client, site_tree, newsroom):
    url = site_tree["fr"]["programme"].url
    few = queries_of_a_fresh_render(client, url)
    for _ in range(5):
        NewsPageFactory(parent=newsroom["indexes"]["en"], related_programmes=[newsroom["programme"]])
    assert queries_of_a_fresh_render(client, url) == few


def test_news_item_lists_its_related_publications(client, site_tree, newsroom):
    library = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    publication = ResourcePageFactory(parent=library, title="Focus 2022 report")
    item = newsroom["items"]["en"]
    item.related_publications.add(publication)
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "Related publications" in html and "Focus 2022 report" in html
    data = client.get(f"/api/v3/pages/{item.pk}/").json()
    assert [card["title"] for card in data["related_publication_cards"]] == ["Focus 2022 report"]


def test_an_english_news_item_offers_english_publications_only(admin_client, site_tree, newsroom):
    library = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    english = ResourcePageFactory(parent=library, title="Focus 2022 report")
    translate_page(library, "fr", title="Ressources", slug="ressources")
    translate_page(english, "fr", title="Rapport Focus 2022", slug="rapport-focus-2022")
    response = admin_client.get(f"/admin/pages/add/news/newspage/{newsroom['indexes']['en'].pk}/")
    offered = response.context["form"].fields["related_publications"].queryset
    assert [page.title for page in offered] == ["Focus 2022 report"]


def test_news_in_the_api_sitemap_and_search(client, newsroom):
    french = newsroom["items"]["fr"]
    data = client.get("/api/v3/route/", {"path": french.url}).json()
    assert data["page"]["meta"]["type"] == "news.NewsPage"
    assert data["page"]["kind"] == "statement"
    assert data["page"]["date"] == "2024-06-03"
    assert [card["locale"] for card in data["page"]["programme_cards"]] == ["fr"]
    index = client.get(f"/api/v3/pages/{newsroom['indexes']['fr'].pk}/").json()
    assert [card["title"] for card in index["latest_news"]] == [TITLES["fr"]]
    sitemap = read_sitemap(client)
    assert set(sitemap[f"http://testserver{newsroom['items']['en'].url}"]) == {"en", "fr", "es", "x-default"}
    assert TITLES["fr"] in client.get("/fr/recherche/", {"q": "parlementaires"}).content.decode()


def test_a_private_or_draft_news_item_reaches_no_visitor(client, newsroom):
    index = newsroom["indexes"]["en"]
    draft = NewsPageFactory(parent=index, title="Vismark draft", live=False, date=datetime.date(2030, 1, 1))
    private = NewsPageFactory(parent=index, title="Vismark private", date=datetime.date(2030, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    surfaces = [
        client.get(index.url).content.decode(),
        client.get(index.url + "feed/").content.decode(),
        client.get("/api/v3/pages/", {"type": "news.NewsPage", "limit": 50}).content.decode(),
        client.get(f"/api/v3/pages/{index.pk}/").content.decode(),
        client.get(newsroom["programme"].url).content.decode(),
        client.get("/en/search/", {"q": "Vismark"}).content.decode(),
        "\n".join(read_sitemap(client)),
    ]
    assert TITLES["en"] in surfaces[0] and TITLES["en"] in surfaces[1], "the public control must be listed"
    for surface in surfaces:
        assert "Vismark draft" not in surface and "Vismark private" not in surface
    assert draft.pk and private.pk


def test_share_links_are_plain_links_with_the_page_address(client, newsroom):
    item = newsroom["items"]["fr"]
    html = BeautifulSoup(client.get(item.url).content, "html.parser")
    share = html.select_one("section.share")
    address = f"http%3A%2F%2Ftestserver{item.url.replace('/', '%2F')}"
    links = [a["href"] for a in share.select("a")]
    assert links and all(address in link for link in links)
    assert links[0].startswith("mailto:?subject=")
    assert all("noreferrer" in a["rel"] for a in share.select("a[href^=http]"))
    assert share.select("script, iframe, img") == []
    assert share.select_one("input[readonly]")["value"] == f"http://testserver{item.url}"
