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
