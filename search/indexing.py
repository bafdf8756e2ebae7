"""Keep the language indexes in step with what visitors may see.

Wagtail reindexes a page when it is saved (publish, unpublish) and removes it
when it is deleted. These helpers cover what does not save the page itself:
a section unpublished or published again, a view restriction added to or
removed from an ancestor, a move under a restricted section, a document moved
between public and private collections, a PDF whose text was extracted after
upload, and a change to the source page whose facts its translations show.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from website.models import CustomDocument

from .backends.scoping import searchable_models
from .conf import language_backend_names

# Pages sent to the backends at a time when a whole section is reindexed.
CHUNK_SIZE = 500


def reindex_pages(pages):
    """Send `pages` (any mix of types) to every language backend, which keeps or drops each."""
    by_model = defaultdict(list)
    for page in pages:
        page = page.specific if type(page) is Page else page
        by_model[type(page)].append(page)
    for name in language_backend_names():
        backend = get_search_backend(name)
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)


def searchable_pages(queryset):
    models = searchable_models()
    if not models:
        return Page.objects.none()
    return queryset.type(*models).specific()


def reindex_queryset(queryset):
    """Reindex the searchable pages of `queryset`, CHUNK_SIZE at a time (bounded memory)."""
    ids = list(searchable_pages(queryset).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK_SIZE):
        reindex_pages(searchable_pages(Page.objects.filter(pk__in=ids[start : start + CHUNK_SIZE])))


def reindex_subtree(page):
    reindex_queryset(Page.objects.descendant_of(page, inclusive=True))


def pages_using_documents(document_ids):
    """Ids of the pages that link to these documents (Wagtail's reference index); one or two queries."""
    document_ids = [str(pk) for pk in document_ids]
    if not document_ids:
        return []
    return [
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(CustomDocument),
            to_object_id__in=document_ids,
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .values_list("object_id", flat=True)
        .distinct()
    ]


def reindex_pages_using_documents(document_ids):
    """The pages linking to the documents, and their translations (which show the source's files)."""
    page_ids = pages_using_documents(document_ids)
    if page_ids:
        keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
        reindex_queryset(Page.objects.filter(translation_key__in=keys))


def reindex_pages_using_document(document_id):
    reindex_pages_using_documents([document_id])
