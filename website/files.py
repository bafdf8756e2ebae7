"""Format and size of an uploaded file, read from the file, never typed by hand.

Lists show many files at once, so nothing here asks the storage about a file
that lives elsewhere (the S3 bucket, website/storage.py): a page of twenty
publications would cost twenty round trips. The size recorded at upload
(Wagtail's `file_size`) is the answer; a file on this machine's disk may still
be looked at, that costs a `stat`.
"""

import os

from django.core.files.storage import FileSystemStorage
from django.utils.formats import number_format
from django.utils.translation import pgettext

KILO = 1024


def file_extension(document):
    return os.path.splitext(document.file.name)[1].lstrip(".").upper()


def size_display(size):
    """A file size as readers of the active language write it: "2.0 KB", "2,0 Ko", "2,0 kB".

    Django's `filesizeformat` prints the IEC units of its own catalogues ("Kio" in French),
    which readers of this site do not use; the units here are this project's, in words each
    language knows, with the language's decimal mark and a non-breaking space.
    """
    if size is None:
        return ""
    if size < KILO:
        unit = pgettext("file size unit", "bytes")
        return f"{size}\u00a0{unit}"
    units = [
        pgettext("file size unit", "KB"),
        pgettext("file size unit", "MB"),
        pgettext("file size unit", "GB"),
    ]
    value = size / KILO
    for unit in units:
        if value < KILO or unit == units[-1]:
            return f"{number_format(value, 1)}\u00a0{unit}"
        value /= KILO
    return ""  # unreachable: the last unit always returns


def _on_local_disk(field_file):
    return isinstance(field_file.storage, FileSystemStorage)


def file_size(document):
    """The size recorded at upload; for a local file without one, its size on disk; else None."""
    if document.file_size is not None:
        return document.file_size
    if not _on_local_disk(document.file):
        return None
    try:
        return document.file.size
    except OSError:
        return None


def file_is_missing(field_file):
    """Whether the file is known to be gone: empty, or absent from this machine's disk.

    A file in remote storage counts as present: it was written there when its
    row was saved (uploads fail otherwise), and deleting it goes through the
    row (Wagtail deletes the file when the document is deleted).
    """
    if not field_file:
        return True
    return _on_local_disk(field_file) and not field_file.storage.exists(field_file.name)


def describe_file(document):
    size = file_size(document)
    return {
        "format": file_extension(document),
        "size": size,
        "size_display": size_display(size),
    }
