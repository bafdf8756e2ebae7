import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from headless.middleware import MAX_JSON_BODY, MAX_JSON_DEPTH
from programmes.factories import ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory
from resources.models import ResourceType
from tests.headless.conftest import bearer
from website.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled(client, site_tree):
    """A site past its first request, which stores its settings row (once in its life): a
    change of content that gives every ETag a new value."""
    client.get("/api/v3/site/")
    return site_tree


def test_anonymous_get_is_cacheable_with_an_etag_and_answers_304(client, settled):
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


def test_etags_are_stable_per_host(client, site_tree):
    url = f"/api/v3/pages/{site_tree['en']['programme'].pk}/"

    first = client.get(url)
    again = client.get(url)
    other_host = client.get(url, HTTP_HOST="localhost")

    assert first["ETag"] == again["ETag"]
    assert other_host["ETag"] != first["ETag"]  # its absolute URLs name its own host
    assert "http://localhost/" in other_host.content.decode()


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


BEYOND_BIGINT = 2**63


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?limit=1000",
        "/api/v3/pages/?limit=-1",
        f"/api/v3/pages/?limit={BEYOND_BIGINT}",
        "/api/v3/pages/?offset=abc",
        *(
            f"/api/v3/{endpoint}/?offset={BEYOND_BIGINT}"
            for endpoint in ("pages", "images", "documents", "redirects")
        ),
        f"/api/v3/pages/?search=advocacy&offset={BEYOND_BIGINT}",
        "/api/v3/pages/?child_of=abc",
        "/api/v3/pages/?type=nope.Nope",
        "/api/v3/pages/?site=nowhere.example",
        "/api/v3/pages/?locale=xx",
        "/api/v3/pages/abc/",
        f"/api/v3/pages/{BEYOND_BIGINT}/",
        "/api/v3/pages/find/?html_path=%00",
        "/api/v3/navigation/?locale=xx",
        "/api/v3/preview/",
    ],
)
def test_bad_input_is_a_4xx_problem(client, site_tree, url):
    response = client.get(url)

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


@pytest.mark.parametrize("body", ["[]", "null", '"a title"', "1"])
def test_a_write_whose_body_is_not_an_object_is_a_422_problem(client, site_tree, body):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    page = site_tree["en"]["programme"]

    response = client.patch(
        f"/api/v3/pages/{page.pk}/", body, content_type="application/json", **bearer(admin)
    )

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The request body must be a JSON object."


def nested(depth):
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("with_token", [False, True], ids=["anonymous", "token"])
@pytest.mark.parametrize("target", ["list", "detail"])
def test_a_body_nested_thousands_deep_is_a_400_problem_not_a_server_error(
    client, site_tree, method, with_token, target
):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    url = "/api/v3/pages/" if target == "list" else f"/api/v3/pages/{site_tree['en']['programme'].pk}/"
    headers = bearer(admin) if with_token else {}

    response = client.generic(method, url, nested(10_000), content_type="application/json", **headers)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == f"The request body nests JSON more than {MAX_JSON_DEPTH} levels deep."


@pytest.mark.parametrize(
    "body",
    ["[" * 10_000, "]" * 10_000, '{"title": "unterminated'],
    ids=["openers", "closers", "unterminated-string"],
)
def test_a_body_whose_brackets_do_not_match_is_a_400_problem(client, site_tree, body):
    response = client.post("/api/v3/pages/", body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "brackets do not match" in response.json()["detail"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_the_depth_is_checked_whatever_the_content_type(client, site_tree, content_type):
    """django-ninja parses any non-multipart body as JSON."""
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")

    response = client.post("/api/v3/pages/", nested(10_000), content_type=content_type, **bearer(admin))

    assert response.status_code == 400
    assert "levels deep" in response.json()["detail"]


def test_a_body_within_the_depth_reaches_the_api(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    page = site_tree["en"]["programme"]
    # Brackets inside strings are text; the structure itself is exactly MAX_JSON_DEPTH deep.
    body = '{"title": "Legal advocacy [[[[ ]]", "x": ' + nested(MAX_JSON_DEPTH - 1) + "}"

    response = client.patch(
        f"/api/v3/pages/{page.pk}/", body, content_type="application/json", **bearer(admin)
    )

    assert response.status_code != 400, response.content
    assert response.status_code < 500


def test_a_body_over_the_size_limit_is_a_413_problem(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    page = site_tree["en"]["programme"]
    padding = " " * (MAX_JSON_BODY - len('{"title": "Legal advocacy"}'))
    at_limit = '{"title": "Legal advocacy"}' + padding
    url = f"/api/v3/pages/{page.pk}/"

    over = client.patch(url, at_limit + " ", content_type="application/json", **bearer(admin))
    anonymous = client.post("/api/v3/pages/", at_limit + " ", content_type="application/json")
    within = client.patch(url, at_limit, content_type="application/json", **bearer(admin))

    assert over.status_code == 413
    assert over["Content-Type"] == "application/problem+json"
    assert over.json()["detail"] == "The request body is larger than 1 MiB (1048576 bytes)."
    assert anonymous.status_code == 413
    assert within.status_code == 200


def test_a_url_without_its_trailing_slash_is_served_as_the_document_writes_it(client, site_tree, settings):
    """headless.api.urls: no redirect, which a generated client would not follow (nor APPEND_SLASH,
    which raised on a POST under DEBUG)."""
    settings.DEBUG = True
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")

    posted = client.post("/api/v3/pages", "{}", content_type="application/json", **bearer(admin))
    read = client.get("/api/v3/site?x=1")

    assert posted.status_code == 422  # the body was read: it lacks a page type
    assert posted.json()["errors"]
    assert read.status_code == 200
    assert read.json() == client.get("/api/v3/site/?x=1").json()
    assert client.get("/api/v3/nothing-here").status_code == 404


@pytest.mark.parametrize(
    "url", ["/api/v3/site/", "/api/v3/pages/", "/api/v3/route/?path=/fr/", "/api/v3/navigation/?locale=es"]
)
def test_head_is_answered_like_get_without_a_body(client, settled, url):
    get = client.get(url)
    head = client.head(url)
    not_modified = client.head(url, HTTP_IF_NONE_MATCH=get["ETag"])

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))
    assert head["Cache-Control"] == get["Cache-Control"]
    assert not_modified.status_code == 304


def test_head_of_an_unknown_page_is_a_404(client, site_tree):
    response = client.head("/api/v3/route/?path=/fr/nothing/")

    assert response.status_code == 404
    assert response.content == b""


@pytest.fixture
def twenty_of_each(site_tree):
    """Twenty programmes, images, documents and redirects, in a few collections."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Collection

    from website.factories import CustomDocumentFactory, CustomImageFactory

    index = site_tree["en"]["index"]
    root = Collection.get_first_root_node()
    collections = [root, root.add_child(name="Campaigns"), root.add_child(name="Reports")]
    for number in range(20):
        collection = collections[number % len(collections)]
        page = ProgrammePageFactory(parent=index)
        CustomImageFactory(collection=collection)
        CustomDocumentFactory(collection=collection)
        Redirect.objects.create(old_path=f"/en/old-{number}", redirect_page=page)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?type=programmes.ProgrammePage",
        "/api/v3/images/",
        "/api/v3/documents/",
        "/api/v3/redirects/",
    ],
)
def test_lists_run_a_bounded_number_of_queries_whatever_the_page_size(client, twenty_of_each, url):
    def count(limit):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"limit": limit})
        assert response.status_code == 200
        return len(queries), len(response.json()["items"])

    count(1)  # warms the caches (content types, locales, sites)
    small, _items = count(1)
    large, items = count(20)
    assert items == 20
    assert large == small, (small, large)
    assert large <= 8, large


@pytest.mark.parametrize(
    "url", ["/api/v3/navigation/?locale=en", "/api/v3/pages/?locale=fr", "/api/v3/site/"]
)
def test_a_conditional_request_is_answered_before_anything_is_rendered(client, settled, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["Last-Modified"]

    with CaptureQueriesContext(connection) as queries:
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert len(queries) == 0, [query["sql"] for query in queries.captured_queries]
    assert by_etag["ETag"] == first["ETag"]
    assert "public" in by_etag["Cache-Control"]


def test_a_snippet_change_gives_new_validators(client, settled):
    ResourceIndexPageFactory(parent=settled["en"]["home"])
    first = client.get("/api/v3/library/?locale=en")
    assert first.status_code == 200
    ResourceType.objects.create(name="Toolkit", slug="toolkit", locale=settled["en"]["home"].locale)

    again = client.get("/api/v3/library/?locale=en", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_token_holders_get_no_304_from_an_anonymous_etag(client, settled):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    url = f"/api/v3/pages/{settled['en']['programme'].pk}/"
    etag = client.get(url)["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag, **bearer(admin)).status_code == 200


@pytest.mark.parametrize("url", ["/api/v3/route/?path=/fr/nothing/", "/api/v3/pages/999999/"])
def test_errors_are_not_cached_publicly(client, settled, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response
