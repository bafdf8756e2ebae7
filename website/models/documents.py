import os

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from website.document_files import without_pdf_metadata


class CustomDocument(AbstractDocument):
    """Custom from the first migration; publications add language and format data."""

    # Filled by search.tasks.extract_document_text when a PDF is uploaded, so
    # that the publication using it can be found by a phrase from inside it.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    def _set_document_file_metadata(self):
        # Wagtail calls this whenever a new file arrives (single and multiple upload, the
        # API, file replaced): a PDF loses its author, tools, XMP and earlier revisions here.
        self.strip_identifying_metadata()
        super()._set_document_file_metadata()

    def strip_identifying_metadata(self):
        self.file.open()
        cleaned = without_pdf_metadata(self.file)
        if cleaned is None:
            return False
        stored_name = self.file.name if self.file._committed else None
        self.file.save(os.path.basename(self.file.name), ContentFile(cleaned), save=False)
        if stored_name and stored_name != self.file.name:
            self.file.storage.delete(stored_name)
        return True

    def clean(self):
        # Wagtail checks the extension of `file` even when the form has already refused the
        # upload (too large): "File extension “” is not allowed" then follows the size message.
        # Without a file there is no extension to check, and the form says what is wrong.
        if self.file:
            super().clean()
