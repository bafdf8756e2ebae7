"""Workaround: Wagtail's reference-index task fails on an object deleted before it runs.

Wagtail enqueues `wagtail.tasks.update_reference_index_task` for every saved
object, a page's inline children included. Publishing a revision rewrites those
children (deleted, then created again), so by the time a worker runs the task
for the old ones they are gone: `DoesNotExist`, a failed task and an ERROR with
its traceback, about 130 of them while `make run` loads the demo. A deleted
object has nothing left to index (Wagtail's post_delete handler already dropped
its references), so such a run has nothing to do.

Upstream: no issue found in wagtail/wagtail; the text to file is in upstream/ISSUES.md.
Delete this module when Wagtail's task returns quietly for a missing object
(tests/upstream/test_wagtail_reference_index_deleted_objects.py says so).
"""

import functools

from django.core.exceptions import ObjectDoesNotExist
from wagtail.tasks import update_reference_index_task

UPSTREAM_UPDATE_REFERENCE_INDEX = update_reference_index_task.func


def apply():
    index = UPSTREAM_UPDATE_REFERENCE_INDEX
    if update_reference_index_task.func is not index:
        return

    @functools.wraps(index)  # keeps the task's import path, which queued runs name
    def index_unless_deleted(app_label, model_name, pk):
        try:
            return index(app_label, model_name, pk)
        except ObjectDoesNotExist:
            return None

    # Task is a frozen dataclass; the one instance that callers and workers import is patched.
    object.__setattr__(update_reference_index_task, "func", index_unless_deleted)
