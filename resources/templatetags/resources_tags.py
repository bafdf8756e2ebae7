from django import template

from resources.library import programme_publications as publications_of_programme

register = template.Library()


@register.simple_tag
def programme_publications(programme):
    """The newest publications that support a programme, in the programme page's language.

    A dict with `items` and `more_url` (the library filtered by the programme, when there are more).
    """
    items, more_url = publications_of_programme(programme)
    return {"items": items, "more_url": more_url}
