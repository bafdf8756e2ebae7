import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("kind", ["home", "index", "programme"])
def test_every_page_type_renders_in_every_language_with_lang_and_hreflang(client, site_tree, language, kind):
    page = site_tree[language][kind]
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert set(alternates) == {"en", "fr", "es", "x-default"}
    for code in ("en", "fr", "es"):
        assert alternates[code].endswith(site_tree[code][kind].url)
    assert alternates["x-default"] == alternates["en"]
    assert html.h1.get_text(strip=True) == page.title


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"), ("es", "/es/"), ("de-DE,de;q=0.9", "/en/"), ("", "/en/")],
)
def test_root_redirects_to_the_visitors_language(client, site_tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies


def test_switcher_leads_to_the_same_page_in_another_language(client, site_tree):
    html = soup(client.get(site_tree["en"]["programme"].url))
    links = {a["hreflang"]: a["href"] for a in html.select("nav.languages a[hreflang]")}
    translated = {"fr": site_tree["fr"]["programme"].url, "es": site_tree["es"]["programme"].url}
    # The test tree is in English, French and Spanish: the other languages lead to their home page.
    others = {
        code: f"/{code}/?untranslated=1"
        for code, _name in settings.LANGUAGES
        if code not in {"en", *translated}
    }
    assert links == translated | others


def test_switcher_falls_back_to_the_home_page_with_a_notice_in_that_language(client, site_tree):
    site_tree["es"]["programme"].unpublish()
    html = soup(client.get(site_tree["en"]["programme"].url))
    spanish = html.select_one('nav.languages a[hreflang="es"]')["href"]
    assert spanish == "/es/?untranslated=1"
    assert 'hreflang="es"' not in str(html.select('link[rel="alternate"]'))

    notice = soup(client.get(spanish)).select_one(".notice")
    assert notice is not None
    assert notice.get_text(strip=True).startswith("La página")  # in Spanish, not English


def test_unpublished_translation_gets_no_hreflang_or_page(client, site_tree):
    site_tree["fr"]["index"].unpublish()
    assert client.get("/fr/index-fr/").status_code == 404
