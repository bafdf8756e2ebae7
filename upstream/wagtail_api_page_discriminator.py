"""Workaround: API v3's page union has no OpenAPI discriminator: its `type` is under `meta`.

v3 answers any page type where a page may be (route/, pages/{id}/, preview/) with a
union of every page type's schema, told apart by `meta.type`
(wagtail/api/v3/schemas/base.py, `build_discriminated_union`). OpenAPI's
`discriminator` can only name a property of the union's members themselves, so the
document has a bare `oneOf`: generated clients cannot narrow a page to its type
(`page.meta.type === "programmes.ProgrammePage"` narrows nothing in TypeScript), and
Python clients try each member in turn. This patch gives every page schema a top-level
`type`, the same content type label as `meta.type`; headless/openapi.py then adds the
discriminator to each union whose members all have one.

Delete this module when v3's page union carries a discriminator OpenAPI can state.
"""

from typing import Literal

from wagtail.api.v3.schemas.generators.read import SchemaGenerator
from wagtail.models import Page

DISCRIMINATOR = "type"


def _resolve_type(obj, context):
    return obj._meta.label


def with_top_level_type(build_schema):
    def build_page_schema(self, model, *, name, base_class, follow_reverse_related):
        schema = build_schema(
            self, model, name=name, base_class=base_class, follow_reverse_related=follow_reverse_related
        )
        if not issubclass(model, Page) or DISCRIMINATOR in schema.model_fields:
            return schema
        label = model._meta.label
        return self.extend_schema(
            schema, name, {DISCRIMINATOR: (Literal[label], ..., staticmethod(_resolve_type))}
        )

    return build_page_schema


def apply():
    SchemaGenerator.build_schema = with_top_level_type(SchemaGenerator.build_schema)
