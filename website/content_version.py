"""When public content last changed: the validator of conditional requests, known before rendering.

The API answered `If-None-Match` by hashing the body it had just rendered, so a 304
cost as much as a 200 (issue 19). Here every write that can change what a visitor
reads (a page published or unpublished, a snippet, image, document, setting or
restriction saved or deleted) stamps a new version in the cache, with its time; a
response's ETag and Last-Modified derive from that stamp, the API version and the
request, so a conditional request is answered before any view runs.

Writes that never change public output are left out (sessions, the task queue,
search index rows, popular-search counts, logs, image renditions made while
serving). Anything else counts, so a missed case costs a 200 where a 304 would
do, never a stale answer. Without a stamp in the cache (a restart, an eviction,
the cache down) a new one is made: again a 200, never a stale answer.

This is the lowest layer: it imports Django and Wagtail only, never an app.
"""

import time
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "website:content-version"
# App labels and models whose rows never reach a public response.
UNSEEN_APPS = frozenset(
    {"sessions", "django_tasks_db", "wagtailsearch", "modelsearch", "admin", "contenttypes", "auth"}
)
UNSEEN_MODELS = frozenset(
    {
        "wagtailsearchpromotions.query",
        "wagtailsearchpromotions.querydailyhits",
        "wagtailcore.referenceindex",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.pagesubscription",
        "wagtailusers.userprofile",
    }
)


def current():
    """(version, time of the change as a Unix timestamp) of the public content."""
    found = cache.get(KEY)
    if found is None:
        found = (uuid.uuid4().hex, int(time.time()))
        if not cache.add(KEY, found, None):
            found = cache.get(KEY) or found
    return found


def _stamp():
    cache.set(KEY, (uuid.uuid4().hex, int(time.time())), None)


def changed(**kwargs):
    _stamp()
    # Stamped again once the change is committed: a request that read the database before the
    # commit, and stored what it read under the first stamp (an ETag, a cached fragment of
    # website/fragment_cache.py), is not believed afterwards. Once per transaction.
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        func is _stamp for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_stamp)


def _seen(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return True
    if meta.app_label in UNSEEN_APPS or meta.label_lower in UNSEEN_MODELS:
        return False
    # Renditions are made while serving images, the content unchanged.
    return not meta.model_name.endswith("rendition")


def _on_write(sender, **kwargs):
    if _seen(sender):
        changed()


def stamp_on_writes():
    """Called once from `WebsiteConfig.ready`."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"website.content_version.{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid=f"website.content_version.{id(signal)}")
