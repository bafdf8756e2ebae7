"""StreamFields are typed: a union of each stream's blocks, discriminated by `type`, every value typed."""

import json
from typing import get_args

import pytest
from wagtail import blocks

from headless.api import api
from headless.block_schemas import stream_type, value_type
from website.blocks import BodyBlock

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schemas():
    return json.loads(json.dumps(api.get_openapi_schema(), default=str))["components"]["schemas"]


def untyped(node, path="#"):
    """Paths of `{}` (Any) schemas under `node`."""
    if isinstance(node, dict):
        if node == {} or set(node) <= {"title", "description", "default"}:
            return [path]
        return [found for key, value in node.items() for found in untyped(value, f"{path}/{key}")]
    if isinstance(node, list):
        return [found for index, value in enumerate(node) for found in untyped(value, f"{path}/{index}")]
    return []


def test_a_body_is_a_discriminated_union_of_its_blocks(schemas):
    items = schemas["ProgrammePageSchema"]["properties"]["body"]["items"]

    assert items["discriminator"]["propertyName"] == "type"
    assert set(items["discriminator"]["mapping"]) == set(BodyBlock.base_blocks)
    assert schemas["BodyBlockHeading"]["properties"]["type"]["const"] == "heading"
    assert schemas["BodyBlockHeading"]["properties"]["value"] == {
        "$ref": "#/components/schemas/HeadingBlockValue"
    }


def test_no_block_and_no_page_field_is_left_untyped(schemas):
    pages = [name for name in schemas if name.endswith("PageSchema") and not name.endswith("CreateSchema")]
    blocks_ = [
        name for name in schemas if name.startswith(("BodyBlock", "PeopleBlock")) or "BlockValue" in name
    ]
    found = [
        f"{name}{path[1:]}"
        for name in pages + blocks_
        for path in untyped(schemas[name].get("properties", {}))
        # Only metadata keywords are left on a property that has a type elsewhere.
        if not path.endswith(("/title", "/description", "/default"))
    ]

    assert blocks_
    assert found == []


def test_a_block_of_an_unknown_kind_is_left_untyped_not_guessed():
    class Unknown(blocks.Block):
        pass

    assert value_type(Unknown(), "Unknown") is not str
    assert str(value_type(Unknown(), "Unknown")) == "typing.Any"


def test_a_stream_answers_what_its_type_says(client, site_tree):
    programme = site_tree["en"]["programme"]
    programme.body = [
        {"type": "heading", "value": {"text": "Why parliaments", "level": "h2"}},
        {"type": "quote", "value": {"quote": "Defenders defend rights.", "attribution": ""}},
        {
            "type": "key_facts",
            "value": {"heading": "", "facts": [{"figure": "1998", "label": "Declaration"}]},
        },
    ]
    programme.save_revision().publish()

    body = client.get("/api/v3/route", {"path": programme.url}).json()["page"]["body"]

    assert [block["type"] for block in body] == ["heading", "quote", "key_facts"]
    assert body[0]["value"] == {"text": "Why parliaments", "level": "h2"}
    assert body[2]["value"]["facts"] == [{"figure": "1998", "label": "Declaration"}]


def test_streams_sharing_a_block_share_its_models(schemas):
    """One component per block, not one per page type (pydantic would qualify clashing names)."""
    first, second = (get_args(get_args(stream_type(BodyBlock(), name))[0])[0] for name in ("A", "B"))

    assert get_args(first) == get_args(second)
    assert [name for name in schemas if "__" in name] == []
