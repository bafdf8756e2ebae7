from django import template

from news.models import news_index
from news.models import programme_news as news_of_programme

register = template.Library()


@register.simple_tag
def programme_news(programme):
    """The newest news and statements about a programme, in the programme page's language, and
    that language's news index (None if it has none a visitor may open)."""
    items = news_of_programme(programme)
    return {"items": items, "index": news_index(programme.locale) if items else None}
