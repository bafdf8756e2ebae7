"""How images, documents and linked pages appear in the API: in page fields, blocks and cards.

The one representation of each, used by API v3's page fields (headless/representations.py),
StreamField blocks (website/blocks.py) and the cards other pages list (programmes, resources).
Image and file URLs are absolute (website/absolute_urls.py), page URLs are paths.

The schemas are named for what they describe in a page (`PageImageSchema`, not
`ImageSchema`): django-ninja keys OpenAPI components by class name, so a name
that Wagtail's own schemas use would silently replace one of them.
"""

from ninja import Schema
from rest_framework.fields import CharField
from wagtail.api import APIField
from wagtail.images import get_image_model

from website.absolute_urls import absolute
from website.files import describe_file
from website.responsive_images import distinct_widths
from website.visibility import is_document_public, is_image_public, public_images, public_link_target

RENDITION_WIDTHS = (480, 960, 1440)


class PageImageRenditionSchema(Schema):
    url: str
    width: int
    height: int


class PageImageSchema(Schema):
    id: int
    title: str
    alt: str
    credit: str
    width: int
    height: int
    renditions: list[PageImageRenditionSchema]


class PageDocumentSchema(Schema):
    id: int
    title: str
    url: str
    format: str
    size: int | None
    size_display: str


class PageLinkSchema(Schema):
    id: int
    title: str
    url: str
    locale: str


RENDITION_SPECS = [f"width-{width}|format-webp" for width in RENDITION_WIDTHS]


class TextAboutImageField(CharField):
    """A page's own words about one of its images (its alt text or credit for that page), empty
    while the image is private: they describe what the image shows, so they are as private as it.

    A Django REST framework field because that is what `APIField(serializer=...)` takes
    (API v3 keeps it as a compatibility shim).
    """

    def __init__(self, image_field, **kwargs):
        self.image_field = image_field
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        image = getattr(instance, self.image_field)
        if image is not None and not is_image_public(image):
            return ""
        return super().get_attribute(instance)

    def to_representation(self, value) -> str:
        return str(value)


def text_about_image_api_field(name, image_field):
    """`APIField(name)`, writable, that reads empty while `image_field`'s image is private."""
    return APIField(name, serializer=TextAboutImageField(image_field), writable=True)


def images_with_renditions(image_ids):
    """{id: image} of the public ones, with the API's renditions prefetched: two queries for any
    number of images (and the memoised private collections)."""
    images = public_images(get_image_model().objects.filter(pk__in=set(image_ids) - {None}))
    return {image.pk: image for image in images.prefetch_renditions(*RENDITION_SPECS)}


def image_representation(image, *, alt=None):
    """An image as WebP renditions at a few widths, for `srcset`, with its alt text; None if its
    collection is private (website/visibility.py): nothing of it, not even its title."""
    if not is_image_public(image):
        return None
    specs = RENDITION_SPECS
    renditions = image.get_renditions(*specs)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt_text if alt is None else alt,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"url": absolute(rendition.url), "width": rendition.width, "height": rendition.height}
            for rendition in distinct_widths(renditions[spec] for spec in specs)
        ],
    }


def document_representation(document):
    """A document with its URL, format and size; None if its collection is private."""
    if not is_document_public(document):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(document.url),
        **describe_file(document),
    }


def page_link_representation(page, language=None):
    """A linked page in `language` where a live, public translation exists; None if not public."""
    page = public_link_target(page, language)
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page.url, "locale": page.locale.language_code}
