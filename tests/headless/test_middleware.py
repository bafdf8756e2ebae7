import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.factories import ProgrammePageFactory
from tests.headless.conftest import bearer
from website.models import User

pytestmark = pytest.mark.django_db


def test_anonymous_get_is_cacheable_with_an_etag_and_answers_304(client, site_tree):
    first = client.get("/api/v3/site/")

    assert "public" in first["Cache-Control"]
    assert first["ETag"]
    assert not first.cookies
    again = client.get("/api/v3/site/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    changed = client.get("/api/v3/site/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_etag_changes_when_content_changes(client, site_tree):
    page = site_tree["fr"]["programme"]
    before = client.get("/api/v3/route/", {"path": page.url})["ETag"]
    page.title = "Plaidoyer juridique et politique"
    page.save_revision().publish()

    response = client.get("/api/v3/route/", {"path": page.url}, HTTP_IF_NONE_MATCH=before)

    assert response.status_code == 200
    assert response["ETag"] != before


def test_token_responses_are_private_and_carry_no_etag(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")

    page = site_tree["en"]["programme"]

    response = client.get(f"/api/v3/pages/{page.pk}/", **bearer(admin))
    anonymous = client.get(f"/api/v3/pages/{page.pk}/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response
    assert "Authorization" in anonymous["Vary"]


def test_api_output_does_not_depend_on_accept_language(client, site_tree):
    url = "/api/v3/route/"
    params = {"path": site_tree["es"]["index"].url}
    responses = [client.get(url, params, HTTP_ACCEPT_LANGUAGE=lang) for lang in ("fr", "es", "en")]

    assert len({response.content for response in responses}) == 1


@pytest.mark.parametrize(
    "url", ["/api/v3/nothing-here/", "/api/v3/pages/999999/", "/api/v3/route/?path=/en/x/"]
)
def test_api_404s_are_never_language_redirects(client, site_tree, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert client.get(f"/fr{url}").status_code == 404  # and the API has no language-prefixed twin


def test_wrong_method_is_a_problem(client, site_tree):
    response = client.put("/api/v3/site/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_cors_is_off_by_default(client, site_tree):
    response = client.get("/api/v3/site/", HTTP_ORIGIN="https://front.example.org")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_allows_only_listed_origins(client, site_tree, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.org"]

    allowed = client.get("/api/v3/site/", HTTP_ORIGIN="https://front.example.org")
    other = client.get("/api/v3/site/", HTTP_ORIGIN="https://evil.example.com")
    preflight = client.options(
        "/api/v3/pages/",
        HTTP_ORIGIN="https://front.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.org"
    assert "Origin" in allowed["Vary"]
    assert "Access-Control-Allow-Origin" not in other
    assert preflight.status_code == 204
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "PATCH" in preflight["Access-Control-Allow-Methods"]
    assert (
        client.get("/en/", HTTP_ORIGIN="https://front.example.org").get("Access-Control-Allow-Origin") is None
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?limit=1000",
        "/api/v3/pages/?limit=-1",
        "/api/v3/pages/?offset=abc",
        "/api/v3/pages/?child_of=abc",
        "/api/v3/pages/?type=nope.Nope",
        "/api/v3/pages/?site=nowhere.example",
        "/api/v3/pages/abc/",
        "/api/v3/pages/find/?html_path=%00",
        "/api/v3/navigation/?locale=xx",
        "/api/v3/preview/",
    ],
)
def test_bad_input_is_a_4xx_problem(client, site_tree, url):
    response = client.get(url)

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"] == "application/problem+json"


def test_page_list_runs_a_bounded_number_of_queries_whatever_the_page_size(client, site_tree):
    index = site_tree["en"]["index"]

    def count(limit):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v3/pages/", {"limit": limit, "type": "programmes.ProgrammePage"})
        assert response.status_code == 200
        return len(queries), len(response.json()["items"])

    for _ in range(20):
        ProgrammePageFactory(parent=index)
    count(1)
    small, _items = count(1)
    large, items = count(20)
    assert items == 20
    assert large == small
    assert large <= 8, large
