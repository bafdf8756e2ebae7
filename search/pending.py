"""Index updates that wait for the search server to answer again.

An Elasticsearch/OpenSearch server that is down, unreachable, too slow or
overloaded must not fail the publish or unpublish that asked for an index
update, nor lose that update. The language indexes (search/backends/
elasticsearch.py) therefore note the objects they could not write in
PendingIndexUpdate, in the same transaction as the change itself, and a
background task (apply_pending_index_updates, below) sends them again
with growing waits (30 s, 1 min, 2 min, … at most an hour between tries) until
the server answers. The queue is a table, so neither a restart nor a crash
loses it. Each failure is one warning line; the recovery is one info line.

What is sent again is each object as the database has it at that moment:
indexed if it is a live, public page, removed otherwise (or if it no longer
exists). Search results are filtered by the database too (search/query.py),
so an entry left stale meanwhile is never shown.
"""

import contextlib
import contextvars
import logging
from collections import defaultdict
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max
from django.tasks import task
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from .conf import language_backend_names
from .models import PendingIndexUpdate
from .server_errors import server_unreachable

logger = logging.getLogger(__name__)

FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
# Objects sent again per run of the task: bounds its memory and its time.
BATCH_SIZE = 200

# Set while the task sends objects again: a failure then raises to the task
# (which waits longer) instead of being queued once more.
_retrying = contextvars.ContextVar("search_pending_retrying", default=False)


def wait_after(attempts):
    """The wait before the next try after `attempts` failed ones: doubling, at most LONGEST_WAIT."""
    return min(LONGEST_WAIT, FIRST_WAIT * 2 ** (max(attempts, 1) - 1))


def describe(error):
    """The error in one short line (its class and first line), never a traceback."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"[:300]


@contextlib.contextmanager
def server_may_fail(backend, model, objects):
    """Queue `objects` for a later try when the search server does not answer."""
    try:
        yield
    except Exception as error:
        if _retrying.get() or not server_unreachable(error):
            raise
        keep_for_retry(objects, error)
        logger.warning(
            "Search server did not answer (%s index): %s. %d %s kept for a retry in %s.",
            getattr(backend, "language", None) or "search",
            describe(error),
            len(objects),
            model._meta.label,
            _duration(wait_after(1)),
        )


def keep_for_retry(objects, error):
    """Note `objects` in the queue (once each); schedule the task for those new to it."""
    now = timezone.now()
    ids = defaultdict(set)
    for obj in objects:
        ids[ContentType.objects.get_for_model(type(obj))].add(str(obj.pk))
    new_rows = []
    for content_type, object_ids in ids.items():
        queued = PendingIndexUpdate.objects.filter(content_type=content_type, object_id__in=object_ids)
        known = set(queued.values_list("object_id", flat=True))
        if known:
            queued.update(requested_at=now, last_error=describe(error))
        new_rows += [
            PendingIndexUpdate(
                content_type=content_type,
                object_id=object_id,
                attempts=1,
                next_attempt_at=now + wait_after(1),
                requested_at=now,
                last_error=describe(error),
            )
            for object_id in sorted(object_ids - known)
        ]
    if new_rows:
        # Another process may have queued the same object meanwhile: one row is enough.
        PendingIndexUpdate.objects.bulk_create(new_rows, ignore_conflicts=True)
        schedule_retry(now + wait_after(1))


def schedule_retry(run_after):
    """Enqueue the retry task to run from `run_after`.

    A backend that runs tasks at once (the tests' immediate backend) cannot wait:
    the queue then stays until the task is run by hand.
    """
    if not apply_pending_index_updates.get_backend().supports_defer:
        return
    apply_pending_index_updates.using(run_after=max(run_after, timezone.now())).enqueue()


def retry_due_updates():
    """Send the due objects again (at most BATCH_SIZE); returns how many were sent.

    The task re-enqueues itself for the next due row, so one run leads to the next
    until the queue is empty; a run that finds nothing due leaves the scheduling to
    the run that does, so that extra runs die out instead of multiplying.
    """
    started = timezone.now()
    due = list(
        PendingIndexUpdate.objects.filter(next_attempt_at__lte=started)
        .select_related("content_type")
        .order_by("next_attempt_at", "pk")[:BATCH_SIZE]
    )
    if not due:
        return 0
    groups = defaultdict(list)
    for row in due:
        groups[row.content_type].append(row)
    sent = []
    token = _retrying.set(True)
    try:
        for content_type, rows in groups.items():
            try:
                send_again(content_type.model_class(), [row.object_id for row in rows])
            except Exception as error:
                if not server_unreachable(error):
                    # The server answered but refused: waiting may not help, so it
                    # is an error, but the rows stay (and `manage.py reindex` redoes all).
                    postpone(
                        PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows]), started, error
                    )
                    logger.error(
                        "Search server refused %d %s objects: %s", len(rows), content_type, describe(error)
                    )
                    continue
                # Down: every due row waits, not only this batch, so that a long queue
                # does not call a dead server batch after batch.
                wait = postpone(
                    PendingIndexUpdate.objects.filter(next_attempt_at__lte=started), started, error
                )
                logger.warning(
                    "Search server still does not answer: %s. %d index updates wait; next try in %s.",
                    describe(error),
                    PendingIndexUpdate.objects.count(),
                    _duration(wait),
                )
                break
            else:
                sent += rows
    finally:
        _retrying.reset(token)
    if sent:
        # A row asked for again while it was being sent stays for the next run.
        PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in sent], requested_at__lte=started).delete()
        logger.info(
            "Search index caught up: %d pending index updates sent, %d still waiting.",
            len(sent),
            PendingIndexUpdate.objects.count(),
        )
    schedule_next_run()
    return len(sent)


def send_again(model, object_ids):
    """Write the objects to every language index as they are now, or remove them if gone."""
    if model is None:  # the model was removed from the code: nothing of it can be indexed
        return
    objects = list(model._default_manager.filter(pk__in=object_ids))
    found = {str(obj.pk) for obj in objects}
    gone = [model(pk=model._meta.pk.to_python(pk)) for pk in object_ids if pk not in found]
    for name in language_backend_names():
        backend = get_search_backend(name)
        if objects:
            backend.add_bulk(model, objects)
        for obj in gone:
            backend.delete(obj)


def postpone(rows, started, error):
    """One more failed attempt for `rows`, all waiting as long as the most tried of them."""
    attempts = (rows.aggregate(most=Max("attempts"))["most"] or 0) + 1
    wait = wait_after(attempts)
    rows.update(attempts=F("attempts") + 1, next_attempt_at=started + wait, last_error=describe(error))
    return wait


def schedule_next_run():
    next_attempt = (
        PendingIndexUpdate.objects.order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if next_attempt is not None:
        schedule_retry(next_attempt)


def _duration(delta):
    seconds = int(delta.total_seconds())
    return f"{seconds // 60} min" if seconds >= 60 and not seconds % 60 else f"{seconds} s"


@task
def apply_pending_index_updates():
    """Send again what the search server missed while it did not answer."""
    return retry_due_updates()
