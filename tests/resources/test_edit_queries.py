"""Saving a publication in the admin costs the same queries however big the library grows."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from benchmarks.admin_bench import edit_form_data
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from resources.models import ResourceIdentifier, ResourcePage

from .conftest import make_publication

pytestmark = pytest.mark.django_db

# What the request itself runs; the tasks it enqueues (indexing, reference index) run in the worker.
DEFERRED = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
# Measured on SQLite and PostgreSQL (save: 61, publish: 118, with two files, two
# topics, a country and an identifier), with a little room for a Wagtail upgrade.
CEILING = {"save": 65, "publish": 125}


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def publication(library):
    page = make_publication(
        library, files=("en", "fr"), topics=TopicFactory.create_batch(2), countries=("TH",)
    )
    ResourceIdentifier.objects.create(page=page, scheme="isbn", value="978-2-930539-41-6")
    page = ResourcePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return page


# Each save changes the text: a Save that repeats the editor's latest draft overwrites it
# (website/autosave_gaps.py), which costs other queries than a new revision.
EDITS = itertools.count()


def queries_to(client, user, page, action):
    data = edit_form_data(page, user)
    data["summary"] = f"{page.summary} Edit {next(EDITS)}."
    if action == "publish":
        data["action-publish"] = "action-publish"
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    return len(queries)


@pytest.mark.parametrize("action", ["save", "publish"])
def test_saving_a_publication_does_not_depend_on_the_size_of_the_library(
    admin_client, admin_user, library, publication, settings, action
):
    settings.TASKS = DEFERRED
    queries_to(admin_client, admin_user, publication, action)  # the first save subscribes the user, etc.
    few = queries_to(admin_client, admin_user, publication, action)
    ResourcePageFactory.create_batch(25, parent=library)
    many = queries_to(admin_client, admin_user, publication, action)
    assert many == few
    assert few <= CEILING[action]
