"""Every page carries its type at the top level, and the page union is discriminated by it."""

import json

import pytest
from wagtail.api.v3.schemas.base import build_discriminated_union

from headless.api import api
from tests.upstream.canaries import assert_gap_remains

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document():
    return json.loads(json.dumps(api.get_openapi_schema(), default=str))


def test_upstream_leaves_the_page_type_under_meta_only():
    """v3 builds its union with a callable discriminator, which OpenAPI cannot state."""
    import inspect

    assert_gap_remains(
        "Discriminator(discriminate_meta_type)" in inspect.getsource(build_discriminated_union),
        gap="the page union's discriminator under meta",
        module="wagtail_api_page_discriminator",
    )


def test_the_page_union_has_a_discriminator_with_every_page_type(document):
    page = document["components"]["schemas"]["RouteSchema"]["properties"]["page"]["anyOf"][0]

    assert page["discriminator"]["propertyName"] == "type"
    assert page["discriminator"]["mapping"]["programmes.ProgrammePage"] == (
        "#/components/schemas/ProgrammePageSchema"
    )
    assert len(page["discriminator"]["mapping"]) == len(page["oneOf"])


def test_a_page_says_its_type_at_the_top_level(client, site_tree):
    programme = site_tree["es"]["programme"]

    route = client.get("/api/v3/route", {"path": programme.url}).json()["page"]
    detail = client.get(f"/api/v3/pages/{programme.pk}").json()

    assert route["type"] == route["meta"]["type"] == "programmes.ProgrammePage"
    assert detail["type"] == "programmes.ProgrammePage"
