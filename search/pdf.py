"""Text out of an uploaded PDF, for full-text search of publications."""

import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

# Enough for a long manual; a bigger file is still found by its first chapters.
MAX_PAGES = 500
MAX_CHARACTERS = 1_000_000


def is_pdf(document):
    return document.file.name.lower().endswith(".pdf")


def extract_pdf_text(file):
    """The text of every page, joined; '' for an unreadable or encrypted PDF."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            return ""
        parts, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = " ".join((page.extract_text() or "").split())
            parts.append(text)
            size += len(text)
            if size >= MAX_CHARACTERS:
                break
        return "\n".join(parts)[:MAX_CHARACTERS].replace("\x00", "")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        logger.warning("Could not read the text of a PDF", exc_info=True)
        return ""
