"""The RSS 2.0 feed of a language's news and statements (`<news index>/feed/`)."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import feedgenerator

from website.seo import absolute_url, canonical_url


def news_feed(request, index, items):
    """The newest items of the index's language; a statement is filed under its kind."""
    feed = feedgenerator.Rss201rev2Feed(
        title=f"{index.title} · {settings.WAGTAIL_SITE_NAME}",
        link=canonical_url(request, index),
        description=index.introduction or index.title,
        language=index.locale.language_code,
        feed_url=absolute_url(request, request.get_full_path()),
    )
    for item in items:
        url = canonical_url(request, item)
        feed.add_item(
            title=item.title,
            link=url,
            description=item.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC),
            categories=[str(item.get_kind_display())],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
