"""Workaround: wagtail-localize never offers the alt text a page leaves to its image.

A page or an image block whose own alt text is empty shows the image's alt
text (`CustomImage.alt_text`, written once, in the source language). wagtail-
localize extracts segments only from what the page holds, and skips empty
values (wagtail_localize/segments/extract.py; its handling of Wagtail's own
`ImageBlock` skips an empty `alt_text` the same way), so that text never
reached translators and French and Spanish pages showed English alt text.

When wagtail-localize reads a source (`TranslationSource.refresh_segments`,
on submission and on every sync), the image's alt text is first copied into
each empty alt text of the instance it reads: the page's `X_alt_text` next to
its `X_image` (website/models/images.py, `image_alt_text_fields`), and the
`alt_text` of every StreamField block that holds an `image` and an `alt_text`.
Each becomes a segment in the one segment editor like any other text; the
translation then carries its own alt text, which the templates and the API
use first. The source page itself is not changed: it keeps following its
image's alt text.

Upstream: wagtail/wagtail-localize#808 (rich text images' alt text is not
extracted) and discussion #378 cover the neighbouring case; the text to file
for this one is in upstream/ISSUES.md. Delete this module when wagtail-localize
extracts the alt text an image provides
(tests/upstream/test_localize_image_alt_text.py says so).
"""

import functools

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize import models as localize_models

from website.models.images import image_alt_text_fields

UPSTREAM_EXTRACT_SEGMENTS = localize_models.extract_segments


def _image_alt(image):
    return image.default_alt_text if image is not None else ""


def _is_image_block(block):
    children = getattr(block, "child_blocks", {})
    return isinstance(children.get("image"), ImageChooserBlock) and isinstance(
        children.get("alt_text"), blocks.CharBlock
    )


def _fill_blocks(block, value):
    """Give each image block in `value` (a block's value, any depth) its image's alt text where it has none."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            _fill_blocks(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for child in value.bound_blocks:
            _fill_blocks(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        if _is_image_block(block) and not value.get("alt_text") and not value.get("decorative"):
            value["alt_text"] = _image_alt(value.get("image"))
        for name, child_block in block.child_blocks.items():
            _fill_blocks(child_block, value.get(name))


def fill_alt_texts(instance):
    """Copy the image's alt text into each empty alt text of `instance`, in memory only."""
    for image_field, alt_field in image_alt_text_fields(type(instance)):
        if not getattr(instance, alt_field):
            setattr(instance, alt_field, _image_alt(getattr(instance, image_field)))
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            _fill_blocks(field.stream_block, getattr(instance, field.attname))
    return instance


def _extract_with_image_alt_texts(original):
    @functools.wraps(original)
    def extract_segments(instance):
        # wagtail-localize passes the throwaway instance it rebuilt from the
        # source's JSON (`TranslationSource.as_instance`), so filling it in place is safe.
        return original(fill_alt_texts(instance))

    return extract_segments


def apply():
    localize_models.extract_segments = _extract_with_image_alt_texts(UPSTREAM_EXTRACT_SEGMENTS)
