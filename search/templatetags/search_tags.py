from django import template
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def facet_query(params, name, value):
    """The query string with facet `name` set to `value` (None removes it), back on page 1."""
    params = {key: item for key, item in params.items() if key != name}
    if value is not None:
        params[name] = value
    return urlencode(params)


@register.simple_tag
def page_query(params, number):
    return urlencode({**params, "page": number})
