"""Elasticsearch down: editors still publish and unpublish, visitors still search.

The language backends point at a loopback port nothing listens on, so every
call to the search server fails the way a dead server does (connection
refused), through the real admin views and the real public search page and API.
"""

import contextlib
import logging
import socket
from datetime import UTC
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseIndex
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from search.conf import search_backends

pytestmark = pytest.mark.django_db


def closed_port():
    """A loopback port nothing listens on: bound once by the system, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def search_down(settings):
    address = f"127.0.0.1:{closed_port()}"
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        [code for code, _name in settings.LANGUAGES],
        elasticsearch_url=f"http://{address}",
        index_prefix="pi-test",
    )
    return address


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary network", slug="mps")


@contextlib.contextmanager
def server_back():
    """The search server answers again: each write succeeds and is noted as (language, page id)."""
    written, deleted = [], []

    def add_items(index, model, items):
        written.extend((index.backend.language, item.pk) for item in items)

    def delete_item(index, item):
        deleted.append((index.backend.language, item.pk))

    with (
        mock.patch.object(ElasticsearchBaseIndex, "add_items", add_items),
        mock.patch.object(ElasticsearchBaseIndex, "delete_item", delete_item),
    ):
        yield written, deleted


def publish_edit(client, page, title):
    data = {
        "title": title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text("<p>MPs met defenders in Brussels.</p>"))]),
        "people": streamfield([]),  # the programme page's people (people/)
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def unpublish(client, page):
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def search_warnings(caplog):
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("search") and record.levelno == logging.WARNING
    ]


def pending_page_ids():
    from search.models import PendingIndexUpdate

    return set(PendingIndexUpdate.objects.values_list("object_id", flat=True))


def retry_pending_updates():
    """What the worker does when the retry comes due (run now, whatever its time)."""
    from search.models import PendingIndexUpdate
    from search.pending import apply_pending_index_updates

    PendingIndexUpdate.objects.update(next_attempt_at="2000-01-01T00:00:00Z")
    apply_pending_index_updates.call()


def test_publishing_succeeds_and_the_index_catches_up_when_the_server_is_back(
    admin_client, programme, search_down, caplog
):
    caplog.set_level(logging.INFO)
    response = publish_edit(admin_client, programme, "Parliamentary network in Europe")

    assert response.status_code == 302
    assert any(
        "Parliamentary network in Europe" in text and "has been published" in text
        for text in messages_of(response)
    )
    page = ProgrammePage.objects.get(pk=programme.pk)
    assert page.live and page.title == "Parliamentary network in Europe"
    assert page.live_revision_id == page.latest_revision_id
    assert not page.has_unpublished_changes
    # The update waits in the database for the server, with one warning line per failure.
    assert str(programme.pk) in pending_page_ids()
    warnings = search_warnings(caplog)
    assert warnings and all("\n" not in message for message in warnings)
    assert not any(record.exc_info for record in caplog.records if record.name.startswith("search"))

    with server_back() as (written, _deleted):
        retry_pending_updates()
    assert ("en", programme.pk) in written
    assert pending_page_ids() == set()
    assert any(
        record.levelno == logging.INFO and "caught up" in record.getMessage() for record in caplog.records
    )


def test_a_retry_while_the_server_is_still_down_keeps_the_work_and_waits_longer(
    admin_client, programme, search_down, caplog
):
    from datetime import datetime

    from search.models import PendingIndexUpdate
    from search.pending import apply_pending_index_updates

    publish_edit(admin_client, programme, "Parliamentary network in Europe")
    waits = []
    for hour in (1, 2, 3):
        now = datetime(2030, 1, 1, hour, tzinfo=UTC)
        with mock.patch("search.pending.timezone.now", return_value=now):
            assert apply_pending_index_updates.call() == 0  # nothing sent
        row = PendingIndexUpdate.objects.get(object_id=str(programme.pk))
        waits.append((row.attempts, row.next_attempt_at - now))
    # Each try waits twice as long as the one before; the work is still there.
    assert [attempts for attempts, _wait in waits] == [2, 3, 4]
    assert waits[0][1] < waits[1][1] < waits[2][1] == 2 * waits[1][1]
    assert "still does not answer" in search_warnings(caplog)[-1]


def test_unpublishing_succeeds_and_the_entry_is_removed_when_the_server_is_back(
    admin_client, site_tree, search_down, caplog
):
    # A page with translations: unpublishing it also reindexes them (search/signals.py).
    programme = site_tree["en"]["programme"]
    response = unpublish(admin_client, programme)

    assert response.status_code == 302
    assert any("Legal advocacy" in text and "unpublished" in text for text in messages_of(response))
    assert not Page.objects.get(pk=programme.pk).live
    assert str(programme.pk) in pending_page_ids()
    assert search_warnings(caplog)

    with server_back() as (written, deleted):
        retry_pending_updates()
    assert ("en", programme.pk) in deleted and ("en", programme.pk) not in written
    # Its translations are still public: they are sent again, to their own language's index.
    assert ("fr", site_tree["fr"]["programme"].pk) in written
    assert pending_page_ids() == set()


def test_the_search_page_says_search_is_unavailable_without_internals(client, programme, search_down, caplog):
    from elasticsearch import Elasticsearch

    calls = []
    real_search = Elasticsearch.search

    def counted_search(es, *args, **kwargs):
        calls.append(kwargs.get("index"))
        return real_search(es, *args, **kwargs)

    with mock.patch.object(Elasticsearch, "search", counted_search):
        response = client.get("/en/search/", {"q": "parliamentary"})
        assert len(calls) == 1

        assert response.status_code == 503 and response["Retry-After"] == "60"
        html = response.content.decode()
        assert "Search is unavailable at the moment" in html and 'value="parliamentary"' in html
        for internal in ("ConnectionError", "Traceback", search_down, "elastic", "9200"):
            assert internal not in html
        # Never kept by a cache: search comes back for everyone with the server.
        assert "public" not in response["Cache-Control"]
        warnings = search_warnings(caplog)
        assert len(warnings) == 1 and "did not answer" in warnings[0]

        # The next searches do not wait for the dead server again (for a while), and still warn.
        api = client.get("/api/v3/search/", {"q": "parliamentary", "locale": "en"})
        suggest = client.get("/en/search/suggest/", {"q": "parl"})
        assert len(calls) == 1
    assert api.status_code == 503 and suggest.status_code == 503
    for body in (api.content.decode(), suggest.content.decode()):
        assert search_down not in body and "ConnectionError" not in body
    assert len(search_warnings(caplog)) == 3


def test_the_search_client_waits_briefly_and_retries_once(search_down):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("en")
    assert backend.timeout <= 5
    assert backend.es._max_retries == 1 and backend.es._retry_on_timeout is False


@pytest.fixture
def stale_index(site_tree, programme, search_down):
    """The server still holds public entries for a page since unpublished and one since made private."""
    from elasticsearch import Elasticsearch
    from wagtail.models import PageViewRestriction

    gone = ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary archive", slug="old")
    gone.unpublish()
    private = ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary board", slug="board")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hits = [{"fields": {"pk": [str(pk)]}, "_score": 1.0} for pk in (gone.pk, private.pk, programme.pk)]
    with mock.patch.object(Elasticsearch, "search", return_value={"hits": {"hits": hits}}):
        yield gone


def test_a_stale_entry_of_an_unpublished_or_private_page_is_not_shown(client, programme, stale_index):
    response = client.get("/en/search/", {"q": "parliamentary"})
    assert response.status_code == 200
    html = response.content.decode()
    assert programme.url in html
    assert "Parliamentary archive" not in html and "Parliamentary board" not in html
    assert response.context["outcome"].total == 1

    api = client.get("/api/v3/search/", {"q": "parliamentary", "locale": "en"}).json()
    assert [hit["id"] for hit in api["results"]] == [programme.pk] and api["pagination"]["count"] == 1
