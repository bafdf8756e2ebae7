from django import template
from wagtail.images.models import ResponsiveImage, SourceImageIOError
from wagtail.models import Locale, Site

from website.files import describe_file
from website.language_profiles import content_language_name
from website.languages import page_languages as languages_of_page
from website.localized_relations import localize_all
from website.responsive_images import SPECS, distinct_widths
from website.site_links import site_links as links_of_site
from website.visibility import is_image_public, public_pages

register = template.Library()


@register.simple_tag
def file_info(document):
    return describe_file(document)


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    return languages_of_page(page, context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The pages under the home page of the active language that are in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    home = site.root_page.get_translation_or_none(Locale.get_active())
    if home is None:
        return []
    return list(public_pages(home.get_children().in_menu()))


@register.simple_tag(takes_context=True)
def site_links(context):
    """The footer's and the contact buttons' pages in the visitor's language, where public."""
    request = context.get("request")
    if request is None:
        return {}
    return links_of_site(request)


@register.filter
def public_image(image):
    """The image where an anonymous visitor may see it, else None: `{% if page.hero_image|public_image %}`."""
    return image if is_image_public(image) else None


@register.filter
def localized(objects):
    return localize_all(objects)


@register.simple_tag
def responsive_image(image, **attrs):
    """`{% srcset_image image width-{480,960,1440} format-webp %}` without a width listed twice;
    nothing for an image in a private collection."""
    if not is_image_public(image):
        return ""
    try:
        renditions = distinct_widths(image.get_renditions(*SPECS).values())
    except SourceImageIOError:  # a missing original must not take the page down
        return ""
    return ResponsiveImage({str(rendition.width): rendition for rendition in renditions}, attrs)


@register.filter
def language_in_text(code):
    """A content language's name as the active language writes it mid-sentence ("en français")."""
    return str(content_language_name(code))
