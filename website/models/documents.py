from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class CustomDocument(AbstractDocument):
    """Custom from the first migration; publications add language and format data."""

    # Filled by search.tasks.extract_document_text when a PDF is uploaded, so
    # that the publication using it can be found by a phrase from inside it.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    def clean(self):
        # Wagtail checks the extension of `file` even when the form has already refused the
        # upload (too large): "File extension “” is not allowed" then follows the size message.
        # Without a file there is no extension to check, and the form says what is wrong.
        if self.file:
            super().clean()
