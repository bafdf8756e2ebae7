"""A property exposed as an APIField is typed by its return annotation, not `Any`."""

import json
from typing import Any

import pytest
from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.api.v3.schemas.pages import PageSchema

from headless.api import api
from programmes.models import ProgrammePage
from tests.upstream.canaries import assert_gap_remains
from upstream import wagtail_api_property_types

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schemas():
    document = json.loads(json.dumps(api.get_openapi_schema(), default=str))
    return document["components"]["schemas"]


def test_upstream_types_a_property_as_any():
    upstream = wagtail_api_property_types.UPSTREAM_BUILD_SCHEMA(
        read_generator,
        ProgrammePage,
        name="CanaryProgrammePageSchema",
        base_class=PageSchema,
        follow_reverse_related=False,
    )

    assert_gap_remains(
        upstream.model_fields["hero"].annotation is Any,
        gap="v3 typing property APIFields as Any",
        module="wagtail_api_property_types",
    )


def test_properties_are_typed_in_the_document(schemas):
    programme = schemas["ProgrammePageSchema"]["properties"]
    publication = schemas["ResourcePageSchema"]["properties"]["publication"]

    assert programme["hero"]["anyOf"] == [{"$ref": "#/components/schemas/PageImageSchema"}, {"type": "null"}]
    assert programme["related_programme_cards"]["items"] == {
        "$ref": "#/components/schemas/ProgrammeCardSchema"
    }
    assert programme["targeted_institutions"]["items"] == {"$ref": "#/components/schemas/InstitutionSchema"}
    assert programme["people_shown"]["items"] == {"$ref": "#/components/schemas/PersonSchema"}
    assert "hero" in schemas["ProgrammePageSchema"]["required"]  # read on every page, null or not
    assert publication == {"$ref": "#/components/schemas/PublicationDetailsSchema"}
    assert schemas["PublicationDetailsSchema"]["properties"]["type"] == {
        "$ref": "#/components/schemas/TermSchema"
    }


def test_a_property_without_an_annotation_stays_untyped():
    class Plain:
        @property
        def anything(self):
            return 1

    assert wagtail_api_property_types.return_annotation(Plain, "anything") is None


def test_a_typed_property_answers_as_before(client, site_tree):
    programme = site_tree["fr"]["programme"]

    page = client.get("/api/v3/route", {"path": programme.url}).json()["page"]

    assert page["hero"] is None or set(page["hero"]) >= {"alt", "renditions"}
    assert isinstance(page["related_programme_cards"], list)
    assert isinstance(page["targeted_institutions"], list)
