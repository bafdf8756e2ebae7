"""Publishing in the admin leaves the search indexes to the task worker.

Wagtail's own index update (modelsearch), the reindex of the page with its
translations (search/signals.py) and the reference index that finds the
publications using a document are tasks: the editor's request only enqueues
them, and the worker, or the tests' immediate backend, runs them.
"""

import pytest
from django.tasks import task_backends
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db

DEFERRED = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def found(language, query):
    locale = Locale.objects.get(language_code=language)
    return {
        page.pk
        for page in get_search_backend(language).search(query, ProgrammePage.objects.filter(locale=locale))
    }


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary network", slug="mps")


def publish(client, page, summary):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": summary,
        "body": streamfield([("paragraph", rich_text("<p>MPs met defenders in Brussels.</p>"))]),
        "people": streamfield([]),  # the programme page's people (people/)
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def test_publishing_only_enqueues_the_index_updates(
    admin_client, programme, settings, django_capture_on_commit_callbacks
):
    page = programme
    settings.TASKS = DEFERRED
    with django_capture_on_commit_callbacks(execute=True):
        response = publish(admin_client, page, "Zanzibar caucus")
    assert response.status_code == 302
    enqueued = [(result.task.name, list(result.args)) for result in task_backends["default"].results]
    assert ("insert_or_update_object_task", ["programmes", "programmepage", str(page.pk)]) in enqueued
    assert ("reindex_pages_by_id", [[page.pk]]) in enqueued
    assert ("update_reference_index_task", ["programmes", "programmepage", str(page.pk)]) in enqueued
    # Nothing was indexed while the editor waited.
    assert found("en", "Zanzibar") == set()


def test_the_tasks_index_the_page_and_its_translation(
    admin_client, programme, django_capture_on_commit_callbacks
):
    page = programme
    with django_capture_on_commit_callbacks(execute=True):
        response = publish(admin_client, page, "Zanzibar caucus")
    assert response.status_code == 302
    assert found("en", "Zanzibar") == {page.pk}
