import re

import pytest
from ninja.openapi.schema import OpenAPISchema

from headless.api import api

pytestmark = pytest.mark.django_db


def test_no_schema_replaces_another_of_the_same_name(monkeypatch):
    """django-ninja keys OpenAPI components by class name: a second class with a taken name
    silently replaces the first, and responses then fail the published schema."""
    clashes = set()
    add_definitions = OpenAPISchema.add_schema_definitions

    def add_checking_names(self, definitions):
        clashes.update(
            name
            for name, definition in definitions.items()
            if self.schemas.get(name, definition) != definition
        )
        add_definitions(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", add_checking_names)
    components = api.get_openapi_schema()["components"]["schemas"]

    assert clashes == set()
    assert "alt" in components["PageImageSchema"]["properties"]
    assert "alt" not in components["ImageSchema"]["properties"]  # Wagtail's images/ schema
    assert "old_path" in components["RedirectSchema"]["properties"]  # Wagtail's redirects/ schema
    assert "location" in components["RouteRedirectSchema"]["properties"]


def test_docs_load_only_this_sites_scripts_and_no_inline_script(client):
    response = client.get("/api/v3/docs/")
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    policy = response["Content-Security-Policy"]

    assert response.status_code == 200
    assert [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _body in scripts if "src=" in attrs] == [
        "/static/ninja/swagger-ui-bundle.js",
        "/static/ninja/swagger-ui-init.js",
    ]
    # The one script element without src is Swagger UI's settings, data that never runs.
    assert [attrs.strip() for attrs, body in scripts if "src=" not in attrs] == [
        'type="application/json" id="swagger-settings"'
    ]
    assert "cdn." not in html and "//" not in "".join(re.findall(r'(?:src|href)="([^"]+)"', html))
    assert "script-src 'self'" in policy and "unsafe" not in policy
    assert "img-src 'self' data:" in policy


def test_the_docs_policy_leaves_the_site_policy_alone(client, site_tree):
    page = client.get("/en/")

    assert "data:" not in page["Content-Security-Policy"]


def test_errors_are_documented_as_problem_json():
    paths = api.get_openapi_schema()["paths"]

    def media_types(path, method, status):
        return list(paths[path][method]["responses"][status]["content"])

    assert media_types("/api/v3/route", "get", 404) == ["application/problem+json"]
    assert media_types("/api/v3/pages/{page_id}", "get", 404) == ["application/problem+json"]
    assert media_types("/api/v3/pages", "get", 422) == ["application/problem+json"]
    assert media_types("/api/v3/pages/{page_id}", "patch", 409) == ["application/problem+json"]
    assert media_types("/api/v3/preview", "get", 403) == ["application/problem+json"]
    # No parameter to get wrong: only a bearer token that is not valid (401) can fail.
    assert set(paths["/api/v3/site"]["get"]["responses"]) == {200, 401}
