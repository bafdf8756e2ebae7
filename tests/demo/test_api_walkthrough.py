"""Done when: a decoupled client renders the French home, a programme and the library from /api/v3/ alone."""

from urllib.parse import urlparse

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_a_front_end_renders_the_demo_in_french_from_the_api(client):
    # The frame: site name, languages, footer, and the French menu.
    site = get(client, "/api/v3/site/")
    french_home_url = next(lang["home_url"] for lang in site["languages"] if lang["code"] == "fr")
    assert french_home_url == "/fr/"
    assert site["organisation"]["name"]
    menu = get(client, "/api/v3/navigation/", locale="fr")
    assert menu["items"], "the French menu is empty"
    assert all(item["url"].startswith("/fr/") for item in menu["items"])

    # The home page, with its featured programmes in French.
    home = get(client, "/api/v3/route/", path=french_home_url)
    assert home["page"]["meta"]["type"] == "home.HomePage"
    assert home["page"]["meta"]["locale"] == "fr"
    cards = home["page"]["featured_programme_cards"]
    assert cards and all(card["locale"] == "fr" and card["url"].startswith("/fr/") for card in cards)

    # A programme page, followed from the home page as a visitor would.
    programme = get(client, "/api/v3/route/", path=cards[0]["url"])
    page = programme["page"]
    assert page["meta"]["type"] == "programmes.ProgrammePage"
    assert page["title"] == cards[0]["title"]
    assert page["body"], "the programme has no body"
    assert programme["breadcrumbs"][0]["url"] == "/fr/"
    # The demo's programmes are written in every content language.
    assert {item["language"] for item in programme["translations"]} == {
        code for code, _name in settings.LANGUAGES
    }
    for block in page["body"]:
        if block["type"] == "paragraph":
            assert 'href="/en/' not in block["value"] and 'href="/es/' not in block["value"]

    # The library: its page from the menu or the route, its list from library/.
    library_item = next((item for item in menu["items"] if "/fr/" in item["url"]), None)
    assert library_item is not None
    library = get(client, "/api/v3/library/", locale="fr")
    assert library["pagination"]["count"] > 0
    assert library["library"]["url"].startswith("/fr/")
    assert get(client, "/api/v3/route/", path=library["library"]["url"])["page"]["meta"]["type"] == (
        "resources.ResourceIndexPage"
    )
    item = library["items"][0]
    assert item["url"].startswith("/fr/") or item["locale"] != "fr"
    assert item["files"] and all(
        urlparse(f["url"]).scheme in ("http", "https")
        and urlparse(f["url"]).path.startswith("/documents/")
        and f["size"]
        for f in item["files"]
    )
    topic = next(facet for facet in library["facets"] if facet["name"] == "topic")
    value = topic["options"][0]["value"]
    filtered = get(client, "/api/v3/library/", locale="fr", topic=value)
    assert 0 < filtered["pagination"]["count"] <= library["pagination"]["count"]
    publication = get(client, "/api/v3/route/", path=item["url"])["page"]
    assert publication["meta"]["type"] == "resources.ResourcePage"
    assert publication["publication"]["files"]
