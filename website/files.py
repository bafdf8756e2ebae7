"""Format and size of an uploaded file, read from the file, never typed by hand."""

import os

from django.template.defaultfilters import filesizeformat


def file_extension(document):
    return os.path.splitext(document.file.name)[1].lstrip(".").upper()


def describe_file(document):
    size = document.get_file_size()
    return {
        "format": file_extension(document),
        "size": size,
        "size_display": filesizeformat(size) if size is not None else "",
    }
