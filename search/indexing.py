"""Keep the language indexes in step with what visitors may see.

Wagtail reindexes a page when it is saved (publish, unpublish) and removes it
when it is deleted. These helpers cover what does not save the page itself:
a view restriction added to or removed from an ancestor, a move under a
restricted section, and a PDF whose text was extracted after upload.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from .backends.scoping import searchable_models


def language_backend_names():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


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


def reindex_subtree(page):
    reindex_pages(searchable_pages(Page.objects.descendant_of(page, inclusive=True)))


def reindex_pages_using_document(document_id):
    """Reindex the pages that link to a document (found through Wagtail's reference index)."""
    from website.models import CustomDocument

    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is None:
        return
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    ]
    if page_ids:
        reindex_pages(searchable_pages(Page.objects.filter(pk__in=page_ids)))


def collection_is_public(collection_id):
    """True unless the collection or one of its ancestors has a view restriction."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return False
    ancestors = collection.get_ancestors(inclusive=True)
    return not CollectionViewRestriction.objects.filter(collection__in=ancestors).exists()


def public_document_text(document):
    """A document's extracted text, or '' when it sits in a private collection."""
    if document is None or not document.extracted_text:
        return ""
    if not collection_is_public(document.collection_id):
        return ""
    return document.extracted_text
