from django import template

from website import seo

register = template.Library()


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
    return seo.social_image(context.get("request"), page)
