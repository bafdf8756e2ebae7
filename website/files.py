"""Format and size of an uploaded file, read from the file, never typed by hand."""

import os

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


def describe_file(document):
    size = document.get_file_size()
    return {
        "format": file_extension(document),
        "size": size,
        "size_display": size_display(size),
    }
