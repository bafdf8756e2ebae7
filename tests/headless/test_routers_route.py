import pytest
from wagtail.contrib.redirects.models import Redirect

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_french_path_gives_page_breadcrumbs_and_translations(api_get, site_tree):
    french = site_tree["fr"]["programme"]

    response = api_get("/api/v3/route/", path=french.url)

    assert response.status_code == 200
    data = response.json()
    assert data["redirect"] is None
    assert data["page"]["id"] == french.pk
    assert data["page"]["title"] == "Plaidoyer juridique"
    assert data["page"]["meta"]["type"] == "programmes.ProgrammePage"
    assert data["page"]["meta"]["locale"] == "fr"
    assert [crumb["title"] for crumb in data["breadcrumbs"]] == [
        "Accueil",
        "Plaidoyer international",
        "Plaidoyer juridique",
    ]
    assert data["breadcrumbs"][0]["url"] == "/fr/"
    assert {item["language"]: item["url"] for item in data["translations"]} == {
        language: site_tree[language]["programme"].url for language in ("en", "fr", "es")
    }


def test_percent_encoded_and_slashless_paths_resolve(api_get, client, site_tree):
    home = site_tree["es"]["home"]
    assert api_get("/api/v3/route/", path="es").json()["page"]["id"] == home.pk
    # encodeURIComponent("/es/"), as a front end sends it.
    assert client.get("/api/v3/route/?path=%2Fes%2F").json()["page"]["id"] == home.pk


def test_a_page_url_with_non_ascii_slug_resolves_as_the_api_gives_it(api_get, site_tree):
    page = ProgrammePageFactory(parent=site_tree["fr"]["index"], slug="défenseuses", title="Défenseuses")
    assert "%C3%A9" in page.url  # Wagtail's URLs are percent-encoded

    from_url = api_get("/api/v3/route/", path=page.url)
    from_iri = api_get("/api/v3/route/", path="/fr/index-fr/défenseuses/")

    assert from_url.json()["page"]["id"] == from_iri.json()["page"]["id"] == page.pk


def test_the_path_is_decoded_once(client, site_tree):
    # `%2500` is the path `/fr/%00/`: a NUL in a page's path, refused as the HTML site refuses it.
    nul = client.get("/api/v3/route/?path=/fr/%2500/")
    # `%252500` is the path `/fr/%2500/`: a literal `%00`, which no page has.
    literal = client.get("/api/v3/route/?path=/fr/%252500/")

    assert nul.status_code == 400
    assert literal.status_code == 404
    assert literal.json()["detail"] == "No public page at /fr/%2500/."


def test_a_query_string_in_the_path_is_ignored_to_find_the_page(api_get, site_tree):
    index = site_tree["fr"]["index"]

    response = api_get("/api/v3/route/", path=f"{index.url}?utm_source=newsletter#top")

    assert response.json()["page"]["id"] == index.pk


def test_the_root_path_reports_the_redirect_to_the_default_language_home(client, site_tree):
    response = client.get("/api/v3/route/", {"path": "/"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    assert response.json()["page"] is None
    assert response.json()["redirect"] == {"location": "/en/", "permanent": False}


@pytest.mark.parametrize("path", ["/fr/no-such-page/", "/de/", "/international-advocacy/"])
def test_unknown_path_is_a_404_problem(api_get, site_tree, path):
    response = api_get("/api/v3/route/", path=path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_wagtail_redirect_is_reported_not_followed(api_get, site_tree):
    target = site_tree["fr"]["index"]
    Redirect.objects.create(old_path="/fr/ancien-plaidoyer", redirect_page=target, is_permanent=True)
    Redirect.objects.create(old_path="/en/partners", redirect_link="https://example.org/", is_permanent=False)

    moved = api_get("/api/v3/route/", path="/fr/ancien-plaidoyer/")
    external = api_get("/api/v3/route/", path="/en/partners")

    assert moved.status_code == 200
    assert moved.json()["page"] is None
    assert moved.json()["redirect"] == {"location": target.url, "permanent": True}
    assert external.json()["redirect"] == {"location": "https://example.org/", "permanent": False}


def test_redirects_match_without_their_query_string_as_wagtails_middleware_does(api_get, site_tree):
    target = site_tree["fr"]["index"]
    Redirect.objects.create(old_path="/fr/ancien-plaidoyer", redirect_page=target, is_permanent=True)
    Redirect.objects.create(
        old_path="/fr/campagne?utm=1", redirect_link="https://example.org/", is_permanent=False
    )

    with_query = api_get("/api/v3/route/", path="/fr/ancien-plaidoyer/?utm=1")
    exact = api_get("/api/v3/route/", path="/fr/campagne?utm=1")

    assert with_query.json()["redirect"] == {"location": target.url, "permanent": True}
    assert exact.json()["redirect"]["location"] == "https://example.org/"


def test_a_redirect_to_a_hidden_page_is_not_reported(api_get, site_tree):
    draft = ProgrammePageFactory(parent=site_tree["fr"]["index"], slug="brouillon", live=False)
    Redirect.objects.create(old_path="/fr/vers-brouillon", redirect_page=draft)

    response = api_get("/api/v3/route/", path="/fr/vers-brouillon/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "params",
    [{}, {"path": ""}, {"path": "/fr/" + "x" * 2000}, {"path": "/fr/\x1f"}, {"path": "/fr/%ff/"}],
)
def test_bad_paths_are_4xx_problems(api_get, site_tree, params):
    response = api_get("/api/v3/route/", **params)

    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"


def route_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/api/v3/route", {"path": path})  # the per-process caches (site, hidden sections) warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v3/route", {"path": path}).status_code == 200
    return len(queries)


def test_route_reads_a_page_in_the_same_queries_at_any_depth_and_tree_size(client, site_tree):
    """The page is found by its URL path in one query, not by reading each ancestor in turn."""
    index = site_tree["fr"]["index"]
    shallow = ProgrammePageFactory(parent=index, slug="peu-profond", title="Peu profond")
    middle = ProgrammePageFactory(parent=shallow, slug="milieu", title="Milieu")
    deep = ProgrammePageFactory(parent=middle, slug="profond", title="Profond")
    at_depth = {page.depth: route_queries(client, page.url) for page in (shallow, deep)}
    for number in range(5):
        ProgrammePageFactory(parent=index, slug=f"voisin-{number}", title=f"Voisin {number}")
    in_a_larger_tree = route_queries(client, deep.url)

    assert at_depth[shallow.depth] == at_depth[deep.depth] == in_a_larger_tree
    assert in_a_larger_tree <= 12


def test_route_reads_a_home_page_in_at_most_12_queries(client, site_tree):
    assert route_queries(client, site_tree["es"]["home"].url) <= 12


def test_the_head_gives_what_the_html_site_puts_in_head(api_get, site_tree):
    french, english = site_tree["fr"]["programme"], site_tree["en"]["programme"]

    head = api_get("/api/v3/route", path=french.url).json()["head"]

    assert head["url"] == french.url
    assert head["title"] == "Plaidoyer juridique"
    assert head["description"] == french.summary[:160] or head["description"]  # the summary, as the HTML site
    assert head["canonical"] == f"http://testserver{french.url}"
    assert head["robots"] == "index, follow"
    assert head["og_locale"] == "fr_FR"
    assert head["og_type"] == "article"
    assert {item["hreflang"]: item["href"] for item in head["alternates"]} == {
        "en": f"http://testserver{english.url}",
        "fr": f"http://testserver{french.url}",
        "es": f"http://testserver{site_tree['es']['programme'].url}",
        "x-default": f"http://testserver{english.url}",
    }


def test_the_head_matches_the_html_page(client, site_tree):
    french = site_tree["fr"]["programme"]

    head = client.get("/api/v3/route", {"path": french.url}).json()["head"]
    html = client.get(french.url).content.decode()

    assert f'<link rel="canonical" href="{head["canonical"]}">' in html
    assert f'<meta name="description" content="{head["description"]}">' in html
    for alternate in head["alternates"]:
        assert f'hreflang="{alternate["hreflang"]}" href="{alternate["href"]}"' in html


def test_the_social_image_falls_back_to_the_hero_with_its_alt_text_on_this_page(api_get, site_tree):
    from website.factories import CustomImageFactory

    french = site_tree["fr"]["programme"]
    french.hero_image = CustomImageFactory(alt_text="Parliament")
    french.hero_alt_text = "Des députés reçoivent des défenseurs"
    french.save_revision().publish()

    image = api_get("/api/v3/route", path=french.url).json()["head"]["og_image"]

    assert image["alt"] == "Des députés reçoivent des défenseurs"
    assert (image["width"], image["height"]) == (1200, 630)
    assert image["url"].startswith("http://testserver/")


def test_a_preview_head_is_not_indexed(site_tree, rf):
    from headless.components import page_head

    request = rf.get("/api/v3/preview")
    request.headless_preview = True

    assert page_head(site_tree["en"]["programme"], request, [])["robots"] == "noindex, nofollow"


@pytest.mark.parametrize(
    ("language", "path"), [("fr", "/fr/recherche/"), ("es", "/es/buscar/"), ("en", "/en/search/")]
)
def test_the_search_page_is_routable_in_every_language(api_get, site_tree, language, path):
    response = api_get("/api/v3/route", path=f"{path}?q=d%C3%A9fenseurs")

    view = response.json()["view"]
    assert response.status_code == 200
    assert response.json()["page"] is None
    assert view["name"] == "search"
    assert view["api_url"] == f"/api/v3/search/?locale={language}&q=d%C3%A9fenseurs"
    assert view["url"] == f"http://testserver{path}?q=d%C3%A9fenseurs"


def test_the_english_search_address_in_another_language_is_the_html_sites_redirect(
    api_get, client, site_tree
):
    routed = api_get("/api/v3/route", path="/fr/search/?q=x").json()
    served = client.get("/fr/search/?q=x")

    assert routed["redirect"] == {"location": "/fr/recherche/?q=x", "permanent": True}
    assert (served.status_code, served["Location"]) == (301, "/fr/recherche/?q=x")
