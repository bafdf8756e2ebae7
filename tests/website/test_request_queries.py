"""No lookup is repeated within a request: every SQL query of a page or API request is distinct
(issue 19: the view restriction, the locale and the unpublished sections were read again and again)."""

import collections

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def repeated_queries(client, url):
    client.get(url)  # per-process caches (content types, site root paths) warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    counts = collections.Counter(query["sql"] for query in queries.captured_queries)
    return [sql for sql, count in counts.items() if count > 1]


@pytest.mark.parametrize("kind", ["home", "index", "programme"])
def test_a_page_request_repeats_no_query(client, site_tree, kind):
    assert repeated_queries(client, site_tree["en"][kind].url) == []


@pytest.mark.parametrize("kind", ["home", "programme"])
def test_a_translated_page_request_repeats_no_query(client, site_tree, kind):
    assert repeated_queries(client, site_tree["fr"][kind].url) == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/route/?path=/fr/",
        "/api/v3/navigation/?locale=es",
        "/api/v3/pages/?locale=fr",
        "/api/v3/site/",
    ],
)
def test_an_api_request_repeats_no_query(client, site_tree, url):
    assert repeated_queries(client, url) == []
