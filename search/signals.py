"""What changes the public search indexes besides saving a searchable page.

Wagtail's own handlers index a page when it is saved and remove it when it is
deleted. A page's visibility also depends on its ancestors (published, view
restrictions), on the collections of its documents, and a translation's indexed
facts on its source page: each handler here reindexes what such a change
affects, once the change is committed.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.tasks.signals import task_finished
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from people.consent import pages_relying_on
from people.models import Person
from resources.models import ResourcePage
from website import content_version
from website.models import CustomDocument

from . import synonyms
from .indexing import pages_using_documents
from .models import SynonymGroup
from .tasks import extract_document_text, reindex_documents, reindex_pages_by_id, reindex_section


def reindex_section_later(page):
    page_id = page.pk
    transaction.on_commit(lambda: reindex_section.enqueue(page_id))


def reindex_page_and_translations(page):
    """A task enqueued in the publishing transaction: it runs once the change is committed.

    With the database task backend the task is a row written with the page, so it
    is neither lost if the process stops after the commit nor run if the change is
    rolled back; the search server is never called during the editor's request.
    """
    reindex_pages_by_id.enqueue([page.pk])


def reindex_documents_later(document_ids):
    document_ids = list(document_ids)
    if document_ids:
        transaction.on_commit(lambda: reindex_documents.enqueue(document_ids))


@receiver([post_save, post_delete], sender=PageViewRestriction)
def reindex_restricted_section(sender, instance, **kwargs):
    """A restriction hides or shows a whole section: update it in every language index."""
    reindex_section_later(instance.page)


@receiver(post_page_move)
def reindex_moved_section(sender, instance, **kwargs):
    # Moving under (or out of) a restricted or unpublished section changes what is public.
    reindex_section_later(instance)


@receiver(pre_save)
def note_whether_section_was_live(sender, instance, raw=False, **kwargs):
    """Remember if a page with children was live, to tell a (re)publication from an edit."""
    if raw or not isinstance(instance, Page) or not instance.pk or not instance.numchild:
        return
    instance._search_was_live = Page.objects.filter(pk=instance.pk).values_list("live", flat=True).first()


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    """Reindex once publishing is complete.

    Wagtail's save handler indexes on post_save, before modelcluster writes the
    page's many-to-many values (topics, regions), so labels added in the same
    edit would otherwise wait for the next save. Translations are indexed with
    the facts of their source page, so they follow it; and a section published
    again brings back the live pages below it.
    """
    reindex_page_and_translations(instance)
    if instance.numchild and not getattr(instance, "_search_was_live", True):
        reindex_section_later(instance)


@receiver(page_unpublished)
def drop_unpublished_section(sender, instance, **kwargs):
    """Pages below an unpublished page are no longer public, even if they are live."""
    reindex_page_and_translations(instance)
    if instance.numchild:
        reindex_section_later(instance)


@receiver([post_save, post_delete], sender=CollectionViewRestriction)
def reindex_documents_of_restricted_collection(sender, instance, **kwargs):
    """PDF text from a collection that became private (or public) must follow it."""
    reindex_documents_later(
        CustomDocument.objects.filter(
            collection__in=instance.collection.get_descendants(inclusive=True)
        ).values_list("pk", flat=True)
    )


@receiver(pre_save, sender=CustomDocument)
def note_document_changes(sender, instance, raw=False, **kwargs):
    if raw:
        return
    previous = CustomDocument.objects.filter(pk=instance.pk).values_list("file", "collection_id").first()
    instance._search_file_changed = previous is None or previous[0] != instance.file.name
    instance._search_collection_changed = previous is not None and previous[1] != instance.collection_id


@receiver(post_save, sender=CustomDocument)
def follow_document_changes(sender, instance, created, raw=False, **kwargs):
    """Extract a new or replaced file's text; reindex its publications when it changes collection.

    A move into a private collection must take the PDF's text out of search, and a
    move back to a public one must bring it back.
    """
    if raw:
        return
    if getattr(instance, "_search_file_changed", False):
        document_id = instance.pk
        transaction.on_commit(lambda: extract_document_text.enqueue(document_id))
    elif getattr(instance, "_search_collection_changed", False):
        reindex_documents_later([instance.pk])


@receiver(pre_delete, sender=CustomDocument)
def note_pages_of_deleted_document(sender, instance, **kwargs):
    instance._search_page_ids = pages_using_documents([instance.pk])


@receiver(post_delete, sender=CustomDocument)
def reindex_pages_of_deleted_document(sender, instance, **kwargs):
    """The deleted file's text leaves the publications that used it."""
    page_ids = getattr(instance, "_search_page_ids", [])
    if page_ids:
        transaction.on_commit(lambda: reindex_pages_by_id.enqueue(page_ids))


# The publication field that links each label snippet (its names are indexed with the publication).
LABEL_LINKS = {"resourcetype": "resource_type", "topic": "topics", "region": "regions"}


@receiver(post_save)
def reindex_publications_of_renamed_label(sender, instance, raw=False, created=False, **kwargs):
    """A type, topic or region renamed (in any language) is found under its new name."""
    link = LABEL_LINKS.get(sender._meta.model_name) if sender._meta.app_label == "resources" else None
    if raw or created or link is None:
        return
    page_ids = list(
        ResourcePage.objects.filter(**{f"{link}__translation_key": instance.translation_key})
        .values_list("pk", flat=True)
        .distinct()
    )
    if page_ids:
        transaction.on_commit(lambda: reindex_pages_by_id.enqueue(page_ids))


@receiver([post_save, post_delete], sender=SynonymGroup)
def forget_synonyms(sender, instance, **kwargs):
    """An edit in the admin applies to the next search, not after the cache expires."""
    synonyms.forget()


@receiver(post_save, sender=Person)
def reindex_pages_mentioning_person(sender, instance, raw=False, **kwargs):
    """A person's visibility or consent changes the name their pages' index text holds."""
    if raw:
        return
    page_ids = list(pages_relying_on([instance]).values_list("pk", flat=True))
    if page_ids:
        transaction.on_commit(lambda: reindex_pages_by_id.enqueue(page_ids))


# The tasks that write the public search indexes: modelsearch's (a page saved or deleted)
# and this app's (search/tasks.py).
INDEXING_TASK_MODULES = ("modelsearch.", "search.tasks.")


@receiver(task_finished)
def index_written(sender, task_result, **kwargs):
    """A new content version once an index is written, as after any change visitors may see.

    The library's text search reads the index (resources/library.py) and caches what it
    found under the content version; in production the index is written by the task worker
    after the publish that stamped the version, so a search in between would otherwise keep
    its stale answer until the next change.
    """
    if task_result.task.module_path.startswith(INDEXING_TASK_MODULES):
        content_version.changed()
