"""The library page and its feeds: thin wrappers around resources.library."""

import datetime

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import feedgenerator
from django.utils.http import urlencode

from resources import library as publication_library
from website.seo import absolute_url, canonical_url


def filter_querystring(filters, query):
    """Filters and search text as a query string, e.g. for the feed link."""
    pairs = [(name, value) for name in publication_library.FILTER_PARAMS for value in filters.get(name, [])]
    if query:
        pairs.append(("q", query))
    return urlencode(pairs)


def _with_sort(query, sort):
    if sort == publication_library.DEFAULT_SORT:
        return query
    return f"{query}&sort={sort}" if query else f"sort={sort}"


def active_filters(result):
    """Each filter in use, with the query string that drops just that one."""
    found = []
    for facet in result.facets:
        for option in facet.selected:
            remaining = dict(result.filters)
            remaining[facet.name] = [value for value in remaining[facet.name] if value != option.value]
            query = _with_sort(filter_querystring(remaining, result.query), result.sort)
            found.append({"facet": facet.label, "option": option.label, "remove_query": query})
    return found


def library_page(request, library):
    result = publication_library.LibrarySearch(request.GET, library, library.locale).result()
    feed_query = filter_querystring(result.filters, result.query)
    response = library.render(
        request,
        context_overrides={
            "library": result,
            "sorts": list(publication_library.SORTS.items()),
            "active_filters": active_filters(result),
            # The language switcher keeps the filters: they key on the source language's slugs
            # and codes (resources/library.py), the same in every language's library.
            "language_switch_query": _with_sort(
                filter_querystring(result.filters, result.query), result.sort
            ),
            "feed_url": library.url
            + library.reverse_subpage("feed_view")
            + (f"?{feed_query}" if feed_query else ""),
        },
    )
    response.status_code = result.status_code
    return response


def library_feed(request, library):
    """RSS 2.0: the publications most recently added, for these filters, in this language."""
    search = publication_library.LibrarySearch(request.GET, library, library.locale)
    if search.errors:
        return HttpResponseBadRequest(
            "\n".join(str(error) for error in search.errors), content_type="text/plain; charset=utf-8"
        )
    items = search.feed_items()
    # On the host the reader asked (or SITE_BASE_URL), as canonical URLs are: the Site record's
    # hostname, which get_full_url uses, may be "localhost".
    library_url = canonical_url(request, library)
    query = filter_querystring(search.selected, search.query)
    feed = feedgenerator.Rss201rev2Feed(
        title=f"{library.title} · {settings.WAGTAIL_SITE_NAME}",
        link=library_url + (f"?{query}" if query else ""),
        description=library.introduction or library.title,
        language=library.locale.language_code,
        feed_url=absolute_url(request, request.get_full_path()),
    )
    for item in items:
        # The page in the feed's language (or its source): one item and one guid per publication.
        url = canonical_url(request, item.page)
        feed.add_item(
            title=item.page.title,
            link=url,
            description=item.page.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=item.source.first_published_at
            or datetime.datetime.combine(item.source.publication_date, datetime.time(), tzinfo=datetime.UTC),
            categories=[item.type_label] if item.type_label else None,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
