"""Which search server failures wait for a retry (search/pending.py), and which do not."""

import logging
from unittest import mock

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseIndex

from programmes.factories import InstitutionFactory, ProgrammePageFactory
from search.conf import search_backends
from search.indexing import reindex_pages
from search.models import PendingIndexUpdate
from search.pending import retry_due_updates

pytestmark = pytest.mark.django_db


def answer(status):
    meta = ApiResponseMeta(status, "1.1", HttpHeaders(), 0.0, NodeConfig("http", "127.0.0.1", 9200))
    return ApiError(f"status {status}", meta, {})


@pytest.fixture
def elasticsearch(settings, programme):
    # Set once the page exists. The address is never called: every write below is patched.
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        [code for code, _name in settings.LANGUAGES],
        elasticsearch_url="http://127.0.0.1:9",
        index_prefix="pi-test",
    )


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary network")


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_an_overloaded_or_unavailable_server_is_retried(elasticsearch, programme, status, caplog):
    with mock.patch.object(ElasticsearchBaseIndex, "add_items", side_effect=answer(status)):
        reindex_pages([programme])
    assert list(PendingIndexUpdate.objects.values_list("object_id", "attempts")) == [(str(programme.pk), 1)]
    assert f"status {status}" in PendingIndexUpdate.objects.get().last_error
    assert any(record.levelno == logging.WARNING for record in caplog.records)


def test_a_refused_document_is_not_queued_as_if_the_server_were_down(elasticsearch, programme):
    # A 400 would fail the same way on every retry: it is an error for modelsearch to
    # log (or for the task to fail with), not work to wait for.
    with (
        mock.patch.object(ElasticsearchBaseIndex, "add_items", side_effect=answer(400)),
        pytest.raises(ApiError),
    ):
        reindex_pages([programme])
    assert not PendingIndexUpdate.objects.exists()


def test_deleting_what_the_language_indexes_never_hold_does_not_call_the_server(elasticsearch, caplog):
    institution = InstitutionFactory()
    with mock.patch.object(ElasticsearchBaseIndex, "delete_item") as delete:
        institution.delete()
    delete.assert_not_called()
    assert not PendingIndexUpdate.objects.exists()


def test_a_page_asked_for_again_during_a_retry_stays_queued(elasticsearch, programme):
    with mock.patch.object(ElasticsearchBaseIndex, "add_items", side_effect=answer(503)):
        reindex_pages([programme])
    PendingIndexUpdate.objects.update(next_attempt_at="2000-01-01T00:00:00Z")

    def meanwhile_another_failure(index, model, items):
        # An edit saved while the retry is sending: its own update failed and was queued.
        PendingIndexUpdate.objects.update(requested_at="2999-01-01T00:00:00Z")

    with mock.patch.object(ElasticsearchBaseIndex, "add_items", meanwhile_another_failure):
        assert retry_due_updates() == 1
    assert PendingIndexUpdate.objects.filter(object_id=str(programme.pk)).exists()
