from django import template
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError

from website import seo
from website.visibility import is_image_public

register = template.Library()

SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    return seo.canonical_url(context.get("request"), page)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return seo.absolute_url(context.get("request"), path)


@register.simple_tag
def page_description(page=None):
    return seo.page_description(page)


@register.filter
def og_locale(language_code):
    return seo.open_graph_locale(language_code or "")


@register.simple_tag(takes_context=True)
def social_image(context, page=None):
    """A 1200×630 JPEG rendition of the page's social image (the format every network reads)."""
    image = getattr(page, "social_image", None)
    if not is_image_public(image):
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    except (SourceImageIOError, InvalidFilterSpecError):
        # A missing original file must not take the page down with it.
        return None
    return {
        "url": seo.absolute_url(context.get("request"), rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.alt_text,
    }
