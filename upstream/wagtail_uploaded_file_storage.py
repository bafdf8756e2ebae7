"""Workaround: the multiple upload keeps a pending file in public media, under its own name.

When a file passes validation but its form does not (here: every image, whose alt
text is asked in the second step), Wagtail's multiple upload stores it as an
`UploadedFile` (wagtail/models/media.py) with `upload_to="wagtail_uploads"` in the
default storage: `/media/wagtail_uploads/<original file name>`, as it came (GPS, IPTC,
camera serial), and left there forever if the editor never completes the second step.

`apply()` gives the field the private storage (website/storage.py: outside MEDIA_ROOT,
no URL) and a random file name, and strips an image's metadata before it is written
(website/models/images.py). `manage.py clear_abandoned_uploads` deletes the ones left
behind. The field's deconstruction is upstream's, so no migration of wagtailcore follows.

Upstream: no issue found in wagtail/wagtail; the text to file is in upstream/ISSUES.md.
Delete this module when `UploadedFile` takes its storage from a setting and names its
files itself (tests/upstream/test_wagtail_uploaded_file_storage.py says so).
"""

import os
import secrets

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from wagtail.models import UploadedFile

from website.document_files import without_pdf_metadata
from website.models.images import without_metadata
from website.storage import private_storage

FIELD = UploadedFile._meta.get_field("file")
UPSTREAM_STORAGE = FIELD.storage
UPSTREAM_UPLOAD_TO = FIELD.upload_to
UPSTREAM_DECONSTRUCTION = FIELD.deconstruct()


def random_name(instance, filename):
    """Nothing of the editor's file name (often a person's or a place's) is kept on disk."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{UPSTREAM_UPLOAD_TO}/{secrets.token_urlsafe(24)}{extension}"


def strip_before_storing(sender, instance, **kwargs):
    file = instance.file
    if not file or file._committed:
        return
    image = without_metadata(file.file)
    # A PDF waiting for its document's title loses its authors' names too.
    cleaned = image[0] if image is not None else without_pdf_metadata(file.file)
    file.file.seek(0)
    if cleaned is not None:
        instance.file = ContentFile(cleaned, name=file.name)


def upstream_deconstruction():
    name, path, args, kwargs = UPSTREAM_DECONSTRUCTION
    return name, path, list(args), dict(kwargs)


def apply():
    FIELD.storage = private_storage
    FIELD.upload_to = random_name
    # Migrations see upstream's field: the storage is a deployment matter, not a schema change.
    FIELD.deconstruct = upstream_deconstruction
    pre_save.connect(strip_before_storing, sender=UploadedFile, dispatch_uid="upstream.uploaded_file_strip")
