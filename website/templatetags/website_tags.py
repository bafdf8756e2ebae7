from django import template
from wagtail.models import Locale, Site

from website.files import describe_file
from website.languages import page_languages as languages_of_page
from website.localized_relations import localize_all

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
    return list(home.get_children().live().public().in_menu())


@register.filter
def localized(objects):
    return localize_all(objects)
