"""Wagtail's reference-index task, run for an object deleted since it was queued."""

import pytest
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from programmes.factories import ProgrammePageFactory
from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_reference_index_deleted_objects import UPSTREAM_UPDATE_REFERENCE_INDEX

pytestmark = pytest.mark.django_db


def test_a_run_for_an_object_deleted_since_it_was_queued_does_nothing(home):
    assert update_reference_index_task.call("wagtailcore", "page", 987654321) is None


def test_a_run_for_a_live_object_still_indexes_it(home, monkeypatch):
    page = ProgrammePageFactory(parent=home)
    indexed = []
    monkeypatch.setattr(ReferenceIndex, "create_or_update_for_object", indexed.append)

    update_reference_index_task.call("programmes", "programmepage", page.pk)

    assert [instance.pk for instance in indexed] == [page.pk]


def test_queued_runs_still_name_wagtails_task():
    assert update_reference_index_task.module_path == "wagtail.tasks.update_reference_index_task"


def test_canary_wagtails_task_still_fails_on_a_deleted_object():
    try:
        UPSTREAM_UPDATE_REFERENCE_INDEX("wagtailcore", "page", 987654321)
    except ObjectDoesNotExist:
        still_fails = True
    else:
        still_fails = False
    assert_gap_remains(
        still_fails,
        gap="the reference-index task failing on an object deleted before it runs",
        module="wagtail_reference_index_deleted_objects",
    )
