import pytest
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from programmes.factories import ProgrammePageFactory

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
