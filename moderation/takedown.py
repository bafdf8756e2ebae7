"""Emergency takedown: a page (or a person) off every surface, in every language, at once.

When a defender is put at risk by what the site shows, a moderator takes it off
in one action: every translation unpublished (and kept from coming back by a
pending approval or a scheduled publication), removed from the search indexes
and from the HTTP cache in front of the site, its front-end preview tokens
revoked, and its documents and images moved to the restricted "Taken down"
collection, which `website.visibility` hides from visitors (documents answer
with a login page, search and API leave them out). Sitemaps and feeds list live
public pages only, so they follow the unpublish; neither is cached server-side.

A person's takedown does the same to every page that mentions them, hides
them wherever they are named (`people.display`) and withholds their tagged
photos (`people.photos`). Each step is written to the pages' and the person's history
("pi.takedown", with who and why), and `restore` puts back what the takedown
changed ("pi.takedown_reversed").
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import LogContext, log
from wagtail.models import (
    Collection,
    Page,
    ReferenceIndex,
    Revision,
)
from wagtail.search.backends import get_search_backend

from people.consent import pages_relying_on
from translations.roles import MODERATORS
from website.frontend_preview import revoke_previews
from website.private_images import restricted_collection

from .models import Takedown

logger = logging.getLogger(__name__)

TAKEN_DOWN_COLLECTION = "Taken down"


def taken_down_collection():
    """The restricted collection taken-down files go to (moderators only), made on first use."""
    return restricted_collection(TAKEN_DOWN_COLLECTION, [MODERATORS])


def all_translations(page):
    return Page.objects.filter(translation_key=page.translation_key)


def _media_of(page_ids):
    """{model: ids} of the documents and images these pages use (Wagtail's reference index)."""
    found = {}
    for model in (get_document_model(), get_image_model()):
        ids = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
            to_content_type=ContentType.objects.get_for_model(model),
        ).values_list("to_object_id", flat=True)
        found[model] = {int(pk) for pk in ids}
    return found


def _make_private(model, ids, collection):
    """Move these files into `collection`; {id: the collection each came from}."""
    moved = {}
    for item in model.objects.filter(pk__in=ids).exclude(collection=collection):
        moved[str(item.pk)] = item.collection_id
        item.collection = collection
        item.save(update_fields=["collection"])  # signals: the search indexes follow
    return moved


def _page_urls(pages):
    urls = []
    for page in pages:
        url = page.get_full_url()
        if url:
            urls.append(url)
    return urls


def purge_http_cache(urls):
    """Purge the front-end cache (wagtail.contrib.frontend_cache) when one is configured."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN that does not answer must not stop the takedown
        logger.exception("Takedown: the HTTP cache could not be purged")


def _unindex(pages):
    for name in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(name)
        for page in pages:
            try:
                backend.delete(page)
            except Exception:  # the reindex task that follows the unpublish drops it too
                logger.exception("Takedown: page %s could not be removed from search index %s", page.pk, name)


def _withdraw(page, user):
    """Unpublish one page and keep it from coming back by itself."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    Revision.objects.for_instance(page).filter(approved_go_live_at__isnull=False).update(
        approved_go_live_at=None
    )
    if page.live:
        page.unpublish(user=user, log_action=True)


def own_history_entries(user):
    """A log context of its own for one page's entries.

    Wagtail's page history keeps, for each (uuid, action) pair, only the latest entry across
    all pages (`LogEntryQuerySet.latest_by_uuid_and_action` does not filter its subquery by
    page), so entries logged for several translations under one request's uuid would show
    on the last translation's history only.
    """
    return LogContext(user=user)


@transaction.atomic
def take_down(*, user, reason, page=None, person=None):
    """Take `page` (all its translations) or `person` (and every page that mentions them) off."""
    if (page is None) == (person is None):
        raise ValueError("Take down either a page or a person.")
    pages = (
        list(all_translations(page).specific())
        if page is not None
        else list(pages_relying_on([person]).specific())
    )
    live = [item for item in pages if item.live]
    urls = _page_urls(live)
    record = Takedown(page=page, person=person, reason=reason, taken_by=user)
    record.pages = [{"page": item.pk, "revision": item.live_revision_id} for item in live]
    for item in pages:
        with own_history_entries(user):
            _withdraw(item, user)
            log(instance=item, action="pi.takedown", user=user, data={"reason": reason})
    collection = taken_down_collection()
    media = _media_of([item.pk for item in pages])
    image_ids = media[get_image_model()]
    if person is not None:
        # Their tagged photos follow them into the "Withheld: people" collection (people/photos.py).
        person.taken_down_at = timezone.now()
        person.save(update_fields=["taken_down_at"])
        log(instance=person, action="pi.takedown", user=user, data={"reason": reason})
    record.documents = _make_private(get_document_model(), media[get_document_model()], collection)
    record.images = _make_private(get_image_model(), image_ids, collection)
    record.save()
    _unindex(pages)
    translation_keys = {item.translation_key for item in pages}
    transaction.on_commit(lambda: _after_commit(translation_keys, urls))
    return record


def _after_commit(translation_keys, urls):
    for key in translation_keys:
        revoke_previews(key)
    purge_http_cache(urls)


@transaction.atomic
def restore(record, *, user):
    """Put back what `record` took down: the live revisions, the files' collections, the person."""
    if record.restored_at is not None:
        return record
    live_revisions = Revision.objects.in_bulk([entry["revision"] for entry in record.pages])
    revision_of_page = {entry["page"]: live_revisions.get(entry["revision"]) for entry in record.pages}
    for model, moved in ((get_document_model(), record.documents), (get_image_model(), record.images)):
        collections = {item.pk: item for item in Collection.objects.filter(pk__in=set(moved.values()))}
        for item in model.objects.filter(pk__in=[int(pk) for pk in moved]):
            item.collection = collections.get(moved[str(item.pk)]) or Collection.get_first_root_node()
            item.save(update_fields=["collection"])
    pages = Page.objects.filter(pk__in=[entry["page"] for entry in record.pages])
    for page in pages:
        with own_history_entries(user):
            if revision_of_page[page.pk] is not None:
                revision_of_page[page.pk].publish(user=user, log_action=True)
            log(instance=page, action="pi.takedown_reversed", user=user, data={"reason": record.reason})
    if record.person is not None:
        record.person.taken_down_at = None
        record.person.save(update_fields=["taken_down_at"])
        log(instance=record.person, action="pi.takedown_reversed", user=user, data={"reason": record.reason})
    record.restored_by = user
    record.restored_at = timezone.now()
    record.save(update_fields=["restored_by", "restored_at"])
    urls = _page_urls(pages.filter(live=True).specific())
    transaction.on_commit(lambda: purge_http_cache(urls))
    return record
