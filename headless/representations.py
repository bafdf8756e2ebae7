"""How page fields reach API v3 clients: rich text, StreamFields and foreign keys.

Registered on v3's read schema generator (`read_generator`), so every page
type's `api_fields` use them; images, documents and page links are represented
as everywhere else (website/api_representations.py). Rich text and StreamField
values are rendered in the page's own language: see `headless.page_language`
for the upstream gap. File URLs are absolute, page URLs are paths.
"""

from django.db.models import ForeignKey
from pydantic.fields import FieldInfo
from wagtail.api.rich_text import APIRichText
from wagtail.api.v3.schemas.generators import read as read_generators
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import features as feature_registry

from headless.block_schemas import stream_type
from upstream.wagtail_api_page_language import in_page_language, localize_page_links
from website.absolute_urls import absolute_file_links, absolute_file_urls
from website.api_representations import (
    PageDocumentSchema,
    PageImageSchema,
    PageLinkSchema,
    document_representation,
    image_representation,
    page_link_representation,
)
from website.models.images import contextual_alt_text
from website.rich_text import unlink_hidden

# The rich text formats with links resolved to URLs (the db_ ones keep Wagtail's references).
RESOLVED_FORMATS = (APIRichText.FORMAT_HTML, APIRichText.FORMAT_MARKDOWN)


def _language_of(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


def _foreign_key_schema(generator, field):
    related = field.related_model
    name = field.name
    if issubclass(related, get_image_model()):
        schema = PageImageSchema

        def represent(obj, value):
            # The alt text this page gives the image (its translation's, on a translation).
            return image_representation(value, alt=contextual_alt_text(obj, name))
    elif issubclass(related, get_document_model()):
        schema, represent = PageDocumentSchema, lambda obj, value: document_representation(value)
    elif issubclass(related, Page):
        schema = PageLinkSchema

        def represent(obj, value):
            return page_link_representation(value, _language_of(obj))
    else:
        return _default_foreign_key_schema(generator, field)

    def resolve(obj, context):
        value = getattr(obj, name)
        return None if value is None else represent(obj, value)

    return schema | None, None, staticmethod(resolve)


def _rich_text_schema(generator, field):
    name = field.name
    features = field.features if field.features is not None else feature_registry.get_default_features()

    def resolve(obj, context):
        value = getattr(obj, name)
        if value is None:
            return None
        request = context.get("request")
        output_format = APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)
        if output_format == APIRichText.FORMAT_MARKDOWN:
            # Markdown resolves links without the rich text link handlers (website.rich_text).
            value = unlink_hidden(localize_page_links(value, obj))
        with in_page_language(obj):
            text = APIRichText.serialize(value, format=output_format, features=field.features)
        return absolute_file_links(text) if output_format in RESOLVED_FORMATS else text

    default = FieldInfo(default=None, json_schema_extra={"x-rich-text-features": features})
    return str | None, default, staticmethod(resolve)


def _stream_field_schema(generator, field):
    name = field.name

    def resolve(obj, context):
        value = getattr(obj, name)
        with in_page_language(obj):
            return absolute_file_urls(value.stream_block.get_api_representation(value, context))

    return (
        stream_type(field.stream_block, f"{field.model.__name__}{field.name.title()}"),
        [],
        staticmethod(resolve),
    )


_default_foreign_key_schema = read_generators.foreign_key_schema


def register():
    read_generators.read_generator.register_field_schema(ForeignKey, _foreign_key_schema)
    read_generators.read_generator.register_field_schema(RichTextField, _rich_text_schema)
    read_generators.read_generator.register_field_schema(StreamField, _stream_field_schema)
