from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class CustomDocument(AbstractDocument):
    """Custom from the first migration; publications add language and format data."""

    # Filled by search.tasks.extract_document_text when a PDF is uploaded, so
    # that the publication using it can be found by a phrase from inside it.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields
