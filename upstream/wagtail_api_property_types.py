"""Workaround: API v3 types every `APIField` that is a Python property as `Any`.

`SchemaGenerator.build_schema` (wagtail/api/v3/schemas/generators/read.py) gives an
api_field that is not a model field the type `Any`, whatever the property declares,
so the OpenAPI document says nothing about it (`{}`) and generated clients type it
`unknown`/`Any`: the hero image, programme cards, institutions, a publication's facts.
This patch reads the property's (or `cached_property`'s) return annotation and, when
there is one, gives the field that type; an unannotated property stays `Any`.

Delete this module when v3 types properties from their return annotations.
"""

import inspect
from typing import Any, get_type_hints

from django.utils.functional import cached_property
from wagtail.api import APIField
from wagtail.api.v3.schemas.generators.read import SchemaGenerator

UPSTREAM_BUILD_SCHEMA = SchemaGenerator.build_schema


def return_annotation(model, name):
    """The return annotation of `model`'s property `name`, or None."""
    attribute = inspect.getattr_static(model, name, None)
    if isinstance(attribute, property):
        function = attribute.fget
    elif isinstance(attribute, cached_property):
        function = attribute.func
    else:
        return None
    return get_type_hints(function).get("return")


def build_schema(self, model, *, name, base_class, follow_reverse_related):
    schema = UPSTREAM_BUILD_SCHEMA(
        self, model, name=name, base_class=base_class, follow_reverse_related=follow_reverse_related
    )
    typed = {}
    for api_field in APIField.get_fields_for_model(model):
        field = schema.model_fields.get(api_field.name)
        if api_field.serializer is not None or field is None or field.annotation is not Any:
            continue
        annotation = return_annotation(model, api_field.name)
        if annotation is not None:
            # A property is always read: required (null only where its annotation allows it).
            typed[api_field.name] = (annotation, ..., None)
    return self.extend_schema(schema, name, typed) if typed else schema


def apply():
    SchemaGenerator.build_schema = build_schema
