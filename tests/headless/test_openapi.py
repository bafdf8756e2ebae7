import json

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from headless.api import api
from headless.middleware import BODY_METHODS

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}


@pytest.fixture(scope="module")
def document():
    """The document as /api/v3/openapi.json serves it (lazy translations as strings)."""
    return json.loads(json.dumps(api.get_openapi_schema(), default=str))


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_document_is_valid_openapi(document):
    errors = [error.message for error in OpenAPIV31SpecValidator(document).iter_errors()]

    assert errors == []


def test_anonymous_access_is_the_empty_security_requirement(document):
    pages = document["paths"]["/api/v3/pages"]
    route = document["paths"]["/api/v3/route"]["get"]

    assert list(document["components"]["securitySchemes"]) == ["BearerTokenAuth"]
    assert document["components"]["securitySchemes"]["BearerTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    assert pages["get"]["security"] == [{"BearerTokenAuth": []}, {}]
    assert pages["post"]["security"] == [{"BearerTokenAuth": []}]
    assert route["security"] == [{}]


@pytest.mark.django_db
def test_lists_state_the_limit_the_server_keeps(client, document):
    lists = [
        path
        for path, method, operation in operations(document)
        if method == "get" and any(parameter["name"] == "limit" for parameter in operation["parameters"])
    ]
    limits = {
        path: next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == "limit")["schema"]
        for path in lists
    }
    over = client.get("/api/v3/pages/", {"limit": 21})

    assert "/api/v3/pages" in lists
    assert "/api/v3/images" in lists
    assert {schema.get("maximum") for schema in limits.values()} == {20}  # v3's WAGTAILAPI_LIMIT_MAX
    assert over.status_code == 400
    assert "400" in document["paths"]["/api/v3/pages"]["get"]["responses"]


def test_every_operation_declares_its_4xx_as_problems(document):
    missing = []
    for path, method, operation in operations(document):
        expected = {"401"} | ({"400", "413"} if method.upper() in BODY_METHODS else set())
        if "{" in path:
            expected.add("404")
        if operation.get("parameters") or operation.get("requestBody"):
            expected.update(("400", "404", "422"))
        for status in sorted(expected):
            response = operation["responses"].get(status)
            if response is None or response.get("content") != PROBLEM:
                missing.append(f"{method.upper()} {path} {status}")
        if "WWW-Authenticate" not in operation["responses"]["401"].get("headers", {}):
            missing.append(f"{method.upper()} {path} 401 WWW-Authenticate")

    assert missing == []


def test_find_operations_declare_their_redirect_not_a_200(document):
    for path in ("/api/v3/pages/find", "/api/v3/redirects/find"):
        responses = document["paths"][path]["get"]["responses"]

        assert "200" not in responses
        assert "Location" in responses["302"]["headers"]


@pytest.mark.django_db
def test_find_answers_the_declared_redirect(client, site_tree):
    page = site_tree["en"]["programme"]

    response = client.get("/api/v3/pages/find/", {"id": page.pk})

    assert response.status_code == 302
    assert response["Location"].startswith(f"/api/v3/pages/{page.pk}/")


def test_lists_declare_the_404_of_an_unknown_site_or_parent(document):
    assert "404" in document["paths"]["/api/v3/pages"]["get"]["responses"]
    assert "404" in document["paths"]["/api/v3/pages"]["post"]["responses"]


@pytest.mark.django_db
def test_an_unknown_site_on_a_list_is_the_declared_404(client, site_tree):
    response = client.get("/api/v3/pages/", {"site": "nowhere.example"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_operations_no_valid_request_can_reach_are_left_out(document):
    """No snippet model is exposed to the API: v3's snippets/{type}/ would accept only type=""."""
    assert not [path for path in document["paths"] if path.startswith("/api/v3/snippets/")]


def test_paths_are_written_without_their_trailing_slash(document):
    assert "/api/v3/pages/{page_id}" in document["paths"]
    assert [path for path in document["paths"] if path.endswith("/")] == []
    assert document["servers"] == [{"url": "/", "description": "This site"}]


@pytest.mark.django_db
def test_the_api_answers_the_documented_path_and_the_slashed_one(client, site_tree):
    page = site_tree["en"]["programme"]

    documented = client.get(f"/api/v3/pages/{page.pk}", HTTP_ACCEPT="application/json")
    slashed = client.get(f"/api/v3/pages/{page.pk}/", HTTP_ACCEPT="application/json")
    route = client.get("/api/v3/route", {"path": page.url})

    assert documented.status_code == 200
    assert documented.json() == slashed.json()
    assert documented.json()["meta"]["detail_url"].endswith(f"/api/v3/pages/{page.pk}/")
    assert route.json()["page"]["id"] == page.pk


@pytest.mark.django_db
def test_a_write_to_the_documented_path_is_not_redirected(client, site_tree):
    """APPEND_SLASH would redirect a POST and lose its body: the path without the slash is served."""
    response = client.post("/api/v3/pages", {}, content_type="application/json")

    assert response.status_code == 401


def test_rich_text_features_are_an_extension_keyword(document):
    introduction = document["components"]["schemas"]["HomePageCreateSchema"]["properties"]["introduction"]

    assert "features" not in introduction
    assert introduction["x-rich-text-features"] == ["bold", "italic", "link"]


def test_every_component_is_used(document):
    text = json.dumps(document["paths"])

    assert "LibraryParams" not in document["components"]["schemas"]
    assert "#/components/schemas/RouteSchema" in text
    assert set(document["components"]["schemas"]) >= {"RouteSchema", "ProblemDetail", "PageImageSchema"}


def test_an_optional_body_is_its_schema_without_a_model_default(document):
    body = document["paths"]["/api/v3/pages/{page_id}/actions/unpublish"]["post"]["requestBody"]

    assert body["required"] is False
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PageUnpublishSchema"
    }


def test_the_content_languages_are_one_component(document, settings):
    parameters = {
        path: next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == "locale")["schema"]
        for path in ("/api/v3/library", "/api/v3/search", "/api/v3/navigation")
    }

    assert document["components"]["schemas"]["ContentLanguage"]["enum"] == [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    assert {schema["$ref"] for schema in parameters.values()} == {"#/components/schemas/ContentLanguage"}
    assert parameters["/api/v3/search"]["default"] == "en"
    assert '"enum": ["en", "fr", "es"]' not in json.dumps(document["paths"])
