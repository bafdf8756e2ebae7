import pytest
from wagtail.contrib.redirects.models import Redirect

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


def test_percent_encoded_and_slashless_paths_resolve(api_get, site_tree):
    home = site_tree["es"]["home"]
    assert api_get("/api/v3/route/", path="es").json()["page"]["id"] == home.pk
    assert api_get("/api/v3/route/", path="%2Fes%2F").json()["page"]["id"] == home.pk


@pytest.mark.parametrize("path", ["/fr/no-such-page/", "/de/", "/", "/international-advocacy/"])
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


@pytest.mark.parametrize(
    "params",
    [{}, {"path": ""}, {"path": "/fr/" + "x" * 2000}, {"path": "/fr/\x00/"}, {"path": "/fr/\x1f"}],
)
def test_bad_paths_are_4xx_problems(api_get, site_tree, params):
    response = api_get("/api/v3/route/", **params)

    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
