"""What an uploaded document really is, and what it says about the people who made it.

A document must be what its extension claims (a `.pdf` is a PDF, not an SVG or a
web page renamed), so that nothing served as a download can run in a visitor's
browser; and a PDF loses what its authoring tool wrote into it (author, creator
tool, producer, XMP, the earlier revisions an incremental save keeps) before it is
stored, as a photo loses its EXIF (website/models/images.py).
"""

import io
import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import NameObject

ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip archive, or an empty one
# How each accepted extension's files begin (WAGTAILDOCS_EXTENSIONS). Office documents and
# EPUB are zip archives. Text has no signature: it is checked for markup and binary data.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "epub": ZIP,
    "zip": ZIP,
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = ("csv", "txt")
# A text file that begins like markup would be a web page or an SVG, with scripts.
MARKUP = (b"<?xml", b"<svg", b"<!doctype", b"<html", b"<script", b"<head", b"<body", b"<iframe")
SNIFFED_BYTES = 8192

NOT_WHAT_IT_CLAIMS = _("This file is not a real .%(extension)s file: its content is something else.")
UNREADABLE_PDF = _(
    "This PDF cannot be read. Save it again from the application that made it, then upload it."
)
PROTECTED_PDF = _("This PDF is protected by a password. Remove the protection, then upload it again.")


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _head(file):
    file.seek(0)
    head = file.read(SNIFFED_BYTES)
    file.seek(0)
    return head


def _pdf_reader(file):
    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(PROTECTED_PDF, code="protected_pdf")
        len(reader.pages)  # parses the page tree: a broken file fails here, not when stored
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise ValidationError(UNREADABLE_PDF, code="unreadable_pdf") from error
    finally:
        file.seek(0)
    return reader


def check_content(file):
    """Raise a ValidationError (a form error, a 4xx in the API) unless `file` is what its name says."""
    extension = extension_of(file.name)
    head = _head(file)
    refused = ValidationError(NOT_WHAT_IT_CLAIMS % {"extension": extension}, code="content_mismatch")
    if extension == "pdf":
        # A PDF's header may follow up to 1,024 bytes of anything (ISO 32000-2, 7.5.2).
        if b"%PDF-" not in head[:1024]:
            raise refused
        _pdf_reader(file)
    elif extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            raise refused
    elif extension in TEXT_EXTENSIONS:
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if b"\x00" in head or text.startswith(MARKUP) or any(head.startswith(s) for s in (*ZIP, b"%PDF-")):
            raise refused


def without_pdf_metadata(file):
    """The PDF's bytes with no document information, XMP or earlier revisions; None if not a PDF.

    Written afresh by pypdf: only the objects the pages reach are kept, so the
    revisions an incremental save appended are gone with the rest. Bookmarks,
    links, forms and the structure tree (for screen readers) stay.
    """
    if extension_of(file.name) != "pdf":
        return None
    try:
        reader = _pdf_reader(file)
    except ValidationError:
        return None  # refused by the form before this; not for the model to judge
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    for owner in (writer.root_object, *(page for page in writer.pages)):
        for key in ("/Metadata", "/PieceInfo"):
            if NameObject(key) in owner:
                del owner[NameObject(key)]
    # The cloned information dictionary and XMP stream are still in the writer, unreferenced.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    output = io.BytesIO()
    writer.write(output)
    file.seek(0)
    return output.getvalue()
