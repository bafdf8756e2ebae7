"""The OpenAPI types of StreamField values: per stream, a union of its blocks told apart by `type`.

Wagtail's StreamField gives `[{"type": name, "value": …, "id": …}]`; API v3 types the
whole as `list[Any]`. Here each stream becomes a list of a discriminated union (one
member per block, `type` a constant), and each block's `value` is typed:

- a block with its own `get_api_representation` states its shape as `api_schema`
  (website/blocks.py, people/blocks.py);
- otherwise the shape follows from the block's kind, as Wagtail represents it: a
  StructBlock is an object of its children, a ListBlock a list, a nested StreamBlock
  a stream, a chooser the chosen object's id, a field block its value.

A block of a kind not listed here (a new one, or a third-party one) is typed `Any`
rather than guessed; tests/headless/test_block_schemas.py fails on any `Any`, so
that whoever adds it gives it an `api_schema`.

Models are named after the block class (`HeadingBlockValue`, `BodyBlockHeading`) and
built once per class: django-ninja keys OpenAPI components by class name, and every
page type reusing `BodyBlock` gets the same components.
"""

from datetime import date, datetime, time
from typing import Annotated, Any, Literal, Union

from django.utils.text import camel_case_to_spaces
from pydantic import Field, create_model
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

TEXT_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.URLBlock,
    blocks.EmailBlock,
    blocks.RegexBlock,
    blocks.RichTextBlock,
    blocks.RawHTMLBlock,
    blocks.ChoiceBlock,
)
CHOOSER_BLOCKS = (blocks.PageChooserBlock, ImageChooserBlock, DocumentChooserBlock, SnippetChooserBlock)
SCALAR_BLOCKS = {
    blocks.BooleanBlock: bool,
    blocks.IntegerBlock: int,
    blocks.FloatBlock: float,
    blocks.DecimalBlock: float,
    blocks.DateBlock: date,
    blocks.TimeBlock: time,
    blocks.DateTimeBlock: datetime,
    blocks.MultipleChoiceBlock: list[str],
}

_models = {}


def _pascal(name):
    return "".join(part.capitalize() for part in camel_case_to_spaces(name).replace(" ", "_").split("_"))


def _model(name, **fields):
    """A model built once per name: blocks shared by several page types share their components."""
    if name not in _models:
        _models[name] = create_model(name, **fields)
    return _models[name]


def _block_name(block, context):
    """The block's class name, or `context` for an anonymous StructBlock/StreamBlock."""
    if type(block) in (blocks.StructBlock, blocks.StreamBlock, blocks.ListBlock):
        return context
    return type(block).__name__


def value_type(block, context):
    """The type of `block`'s API representation; `context` names anonymous blocks."""
    explicit = getattr(block, "api_schema", None)
    if explicit is not None:
        return explicit
    if isinstance(block, blocks.StreamBlock):
        return stream_type(block, context)
    if isinstance(block, blocks.ListBlock):
        return list[value_type(block.child_block, f"{context}Item")]
    if isinstance(block, blocks.StructBlock):
        name = f"{_block_name(block, context)}Value"
        fields = {
            child_name: (value_type(child, f"{name}{_pascal(child_name)}"), ...)
            for child_name, child in block.child_blocks.items()
        }
        return _model(name, **fields)
    if isinstance(block, CHOOSER_BLOCKS):
        return int | None  # Wagtail gives the chosen object's id; None when nothing is chosen
    for kind, python_type in SCALAR_BLOCKS.items():
        if isinstance(block, kind):
            return python_type if block.required else python_type | None
    if isinstance(block, TEXT_BLOCKS):
        return str if block.required else str | None
    return Any


def stream_type(stream_block, context):
    """`list[...]` of the union of `stream_block`'s children, discriminated by `type`."""
    stream_name = _block_name(stream_block, context)
    members = [
        _model(
            f"{stream_name}{_pascal(child_name)}",
            type=(Literal[child_name], ...),
            value=(value_type(child, f"{stream_name}{_pascal(child_name)}"), ...),
            id=(str | None, None),
        )
        for child_name, child in stream_block.child_blocks.items()
    ]
    if not members:
        return list[Any]
    if len(members) == 1:
        return list[members[0]]
    return list[Annotated[Union[tuple(members)], Field(discriminator="type")]]  # noqa: UP007
