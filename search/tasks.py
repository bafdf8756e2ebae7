from django.tasks import task

from website.models import CustomDocument

from .indexing import reindex_pages_using_document
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
