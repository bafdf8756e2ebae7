from django import template
from wagtail.images.models import ResponsiveImage, SourceImageIOError
from wagtail.models import Locale, Site

from website.files import describe_file
from website.fragment_cache import cached
from website.language_profiles import content_language_name
from website.languages import page_languages as languages_of_page
from website.localized_relations import localize_all
from website.responsive_images import SPECS, distinct_widths
from website.routing import home_in_language, routed_ancestors
from website.site_links import site_links as links_of_site
from website.visibility import is_image_public, public_pages

register = template.Library()


@register.simple_tag
def file_info(document):
    return describe_file(document)


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    return languages_of_page(page, context.get("request"))


@register.filter
def breadcrumb_ancestors(page):
    """The ancestors of `page` from its home page down: those routing read, else one query."""
    ancestors = routed_ancestors(page)
    return ancestors if ancestors is not None else list(page.get_ancestors())[1:]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The pages under the home page of the active language that are in menus, as links.

    The same for every visitor of a site in a language: kept in the fragment cache.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []

    def build():
        home = home_in_language(site, Locale.get_active())
        if home is None:
            return []
        return [
            {
                "pk": page.pk,
                "path": page.path,
                "depth": page.depth,
                "title": page.title,
                "url": page.get_url(request),
            }
            for page in public_pages(home.get_children().in_menu())
        ]

    # Links are relative where the page is on the request's site: the host is part of the key.
    return cached("main-menu", [site.pk, request.get_host()], build)


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        return cached(
            self.name.resolve(context),
            parts,
            lambda: self.nodelist.render(context),
            request=context.get("request"),
        )


@register.tag
def public_fragment(parser, token):
    """`{% public_fragment "name" page.pk %}…{% endpublic_fragment %}`: the block's HTML, kept
    in the fragment cache (website/fragment_cache.py) for this language, these values and the
    content version. Only for HTML any anonymous visitor would get; previews render afresh.
    Pass what the block depends on beyond the language (the page whose lists it shows), and
    leave its querysets lazy in the context, so that a kept block costs no query."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


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
