"""The library at size: pages of results, and query counts as publications pile up.

Apart from tests/resources/test_library.py because these tests count every
publication in the library: they start from an empty one, not from its catalogue.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.factories import ResourcePageFactory
from resources.library import PAGE_SIZE, search_library
from resources.models import ResourcePage
from tests.resources.conftest import grow_library
from website import content_version

pytestmark = pytest.mark.django_db


def test_pagination_edges(client, library_tree):
    library = library_tree["en"]["library"]
    kind = library_tree["taxonomy"]["report"]
    for number in range(PAGE_SIZE + 1):
        ResourcePageFactory(parent=library, title=f"Report {number:02d}", resource_type=kind)
    first = client.get(library.url)
    assert first.status_code == 200
    assert first.content.decode().count('class="card"') == PAGE_SIZE
    assert 'rel="next" href="?page=2"' in first.content.decode()
    last = client.get(library.url + "?page=2")
    assert last.status_code == 200 and last.content.decode().count('class="card"') == 1
    assert 'rel="prev"' in last.content.decode() and 'rel="next"' not in last.content.decode()
    assert client.get(library.url + "?page=3").status_code == 404
    # An empty result is a normal page 1, not a missing page.
    empty = client.get(library.url + "?year=1900")
    assert empty.status_code == 200 and "No publication matches" in empty.content.decode()


def count_queries(client, url):
    # A new content version: the page's fragments (facets, cards, menu) are built afresh, so
    # this counts what a request costs when they are not in the cache (website/fragment_cache.py).
    content_version.changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_publications(client, library_tree):
    en, fr = library_tree["en"], library_tree["fr"]
    taxonomy = library_tree["taxonomy"]
    urls = [
        en["library"].url,
        fr["library"].url + "?type=manual&topic=criminalisation&language=th&country=TH&sort=title",
        en["library"].url + "?q=publication&year=2005&region=africa&programme=legal-advocacy&page=1",
        en["library"].url + "feed/?type=report",
        fr["programme"].url,
    ]
    grow_library(en["library"], taxonomy, en["programme"], 10)
    [count_queries(client, url) for url in urls]  # warm per-process caches
    before = [count_queries(client, url) for url in urls]
    # Six times as many, past two pages of results: a query per row would add 50.
    grow_library(en["library"], taxonomy, en["programme"], 50)
    assert ResourcePage.objects.live().count() == 60
    after = [count_queries(client, url) for url in urls]
    assert after == before
    # Absolute ceilings (measured: 33, 32, 29, 23, 24, one of them for the unpublished sections
    # whose live pages stay out, one for the restrictions that keep private translations out of
    # the text search and the title sort), so a new N+1 anywhere fails the suite.
    assert after[0] <= 33, after  # the library: options, 7 facets in one query, results, files, types
    assert after[1] <= 32, after  # French, every facet filtered, sorted by translated title
    assert after[2] <= 29, after  # text search with filters
    assert after[3] <= 23, after  # the feed
    assert after[4] <= 24, after  # a programme page listing its publications


def test_text_search_reads_the_search_index_once_whatever_the_size(client, library_tree):
    """`?q=` matches titles and summaries in the search backends' full-text index, once: the
    count, the order and every facet then filter by what it found (issue 19: a substring scan
    of every translation ran again in each of them)."""
    en = library_tree["en"]
    taxonomy = library_tree["taxonomy"]

    def text_search():
        content_version.changed()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(en["library"].url + "?q=publication")
        assert response.status_code == 200
        sqls = [query["sql"] for query in queries.captured_queries]
        return response, sqls

    grow_library(en["library"], taxonomy, en["programme"], 5)
    text_search()  # per-process caches
    _response, small = text_search()
    grow_library(en["library"], taxonomy, en["programme"], 30)
    _response, large = text_search()
    assert len(large) == len(small)
    assert len([sql for sql in large if "indexentry" in sql.lower()]) == 1
    assert not [sql for sql in large if "summary" in sql and "LIKE" in sql.upper()]
    found = search_library({"q": "publication"}, en["library"], en["library"].locale)
    assert found.total == ResourcePage.objects.live().filter(title__startswith="Publication ").count() >= 35
