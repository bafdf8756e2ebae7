from django.tasks import task
from wagtail.models import Page

from website.models import CustomDocument

from .indexing import (
    reindex_pages_using_document,
    reindex_pages_using_documents,
    reindex_queryset,
    reindex_subtree,
)
from .pdf import extract_pdf_text, is_pdf


@task
def extract_document_text(document_id):
    """Store a PDF's text on its document, then reindex the publications that use it."""
    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is None:
        return
    text = ""
    if is_pdf(document):
        with document.open_file() as file:
            text = extract_pdf_text(file)
    # update(): no save signal, so extraction does not run again.
    CustomDocument.objects.filter(pk=document_id).update(extracted_text=text)
    reindex_pages_using_document(document_id)


@task
def reindex_section(page_id):
    """A section and everything below it, after it was unpublished, published or (un)restricted."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        reindex_subtree(page)


@task
def reindex_documents(document_ids):
    """The publications using documents whose collection became private or public."""
    reindex_pages_using_documents(document_ids)


@task
def reindex_pages_by_id(page_ids):
    """Pages (and their translations) whose indexed text changed without them being saved."""
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    reindex_queryset(Page.objects.filter(translation_key__in=keys))
