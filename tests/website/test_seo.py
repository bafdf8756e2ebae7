import pytest
from bs4 import BeautifulSoup

from website.factories import CustomImageFactory

pytestmark = pytest.mark.django_db


def head(response):
    html = BeautifulSoup(response.content, "html.parser")
    meta = {
        tag.get("property") or tag.get("name"): tag["content"] for tag in html.select("head meta[content]")
    }
    canonical = html.select_one('link[rel="canonical"]')
    return html, meta, canonical["href"] if canonical else None


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("kind", ["home", "index", "programme"])
def test_every_page_has_title_description_canonical_and_open_graph(client, site_tree, language, kind):
    page = site_tree[language][kind]
    html, meta, canonical = head(client.get(page.url + "?utm_source=x"))
    assert html.title.get_text().startswith(page.title)
    assert canonical == f"http://testserver{page.url}"  # absolute, without the query string
    assert meta["description"]
    assert meta["og:title"] == page.title
    assert meta["og:url"] == canonical
    assert meta["og:description"] == meta["description"]
    assert meta["og:site_name"]
    assert meta["og:locale"] == {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}[language]
    alternates = {tag["content"] for tag in html.select('meta[property="og:locale:alternate"]')}
    assert alternates == {"en_GB", "fr_FR", "es_ES"} - {meta["og:locale"]}
    assert "robots" not in meta  # public pages are indexable
    assert html.select_one(".print-url").get_text() == canonical


def test_description_falls_back_to_summary_and_is_cut_to_snippet_length(client, site_tree):
    programme = site_tree["en"]["programme"]
    programme.summary = "Defenders " * 40
    programme.save_revision().publish()
    _html, meta, _canonical = head(client.get(programme.url))
    assert meta["description"].startswith("Defenders Defenders")
    assert len(meta["description"]) <= 160

    programme.search_description = "Written for search engines."
    programme.save_revision().publish()
    assert head(client.get(programme.url))[1]["description"] == "Written for search engines."


def test_social_image_gives_an_absolute_open_graph_image(client, site_tree):
    programme = site_tree["en"]["programme"]
    programme.social_image = CustomImageFactory()
    programme.save_revision().publish()
    _html, meta, _canonical = head(client.get(programme.url))
    assert meta["og:image"].startswith("http://testserver/media/")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == programme.social_image.alt_text
    assert meta["twitter:card"] == "summary_large_image"


def test_canonical_uses_site_base_url_when_set(client, site_tree, settings):
    settings.CANONICAL_BASE_URL = "https://www.example.org"
    page = site_tree["fr"]["programme"]
    html, meta, canonical = head(client.get(page.url))
    assert canonical == f"https://www.example.org{page.url}"
    hreflang = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"]')}
    assert hreflang["en"] == f"https://www.example.org{site_tree['en']['programme'].url}"


def test_preview_is_noindex_in_header_and_html(site_tree):
    page = site_tree["en"]["programme"]
    response = page.make_preview_request()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    _html, meta, _canonical = head(response)
    assert meta["robots"].startswith("noindex")


def test_admin_is_noindex(admin_client):
    assert admin_client.get("/admin/")["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Page introuvable"), ("es", "Página no encontrada")]
)
def test_404_is_in_the_visitors_language_with_the_site_frame(client, site_tree, language, heading):
    response = client.get(f"/{language}/nowhere-at-all/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading
    assert html.select_one("header nav.main-nav") is not None
    assert html.select_one("footer.site-footer") is not None
    assert not response.cookies
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_a_page_without_a_social_image_shares_its_hero_with_its_alt_text(client, site_tree):
    programme = site_tree["fr"]["programme"]
    programme.hero_image = CustomImageFactory(alt_text="Parliament")
    programme.hero_alt_text = "Des députés reçoivent des défenseurs"
    programme.save_revision().publish()

    html = client.get(programme.url).content.decode()

    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta property="og:image:alt" content="Des députés reçoivent des défenseurs">' in html
