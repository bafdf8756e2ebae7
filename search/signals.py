from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail.signals import page_published, post_page_move

from website.models import CustomDocument

from .indexing import reindex_pages, reindex_subtree


@receiver([post_save, post_delete], sender=PageViewRestriction)
def reindex_restricted_section(sender, instance, **kwargs):
    """A restriction hides or shows a whole section: update it in every language index."""
    page = instance.page
    transaction.on_commit(lambda: reindex_subtree(page))


@receiver(post_page_move)
def reindex_moved_section(sender, instance, **kwargs):
    # Moving under (or out of) a restricted section changes what is public.
    transaction.on_commit(lambda: reindex_subtree(instance))


@receiver([post_save, post_delete], sender=CollectionViewRestriction)
def reindex_documents_of_restricted_collection(sender, instance, **kwargs):
    """PDF text from a collection that became private (or public) must follow it."""
    from .indexing import reindex_pages_using_document

    document_ids = list(
        CustomDocument.objects.filter(
            collection__in=instance.collection.get_descendants(inclusive=True)
        ).values_list("pk", flat=True)
    )

    def reindex():
        for document_id in document_ids:
            reindex_pages_using_document(document_id)

    transaction.on_commit(reindex)


@receiver(pre_save, sender=CustomDocument)
def note_new_file(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    previous = CustomDocument.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    instance._search_file_changed = instance.pk is None or previous != instance.file.name


@receiver(post_save, sender=CustomDocument)
def extract_text_of_new_file(sender, instance, created, raw=False, **kwargs):
    """Extract a new or replaced file's text in a task, once the upload is committed."""
    if raw or not getattr(instance, "_search_file_changed", False):
        return
    from .tasks import extract_document_text

    document_id = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    """Reindex once publishing is complete.

    Wagtail's save handler indexes on post_save, before modelcluster writes the
    page's many-to-many values (topics, regions), so labels added in the same
    edit would otherwise wait for the next save.
    """
    reindex_pages([instance])
