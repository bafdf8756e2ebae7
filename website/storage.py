"""Where uploaded files live, and which of them a URL may serve.

Whatever serves /media/ (Django's static view in development, the web server in
production) serves MEDIA_ROOT. Two kinds of file must never be reachable there, so
they are written under PRIVATE_MEDIA_ROOT, kept apart from it:

- `private_storage`: uploads waiting for their second step in the admin's multiple
  upload (upstream/wagtail_uploaded_file_storage.py); they have no URL at all.
- in the default storage, `MediaStorage`, every name under `private/`: the originals
  and renditions of images in a private collection (website/private_images.py). Their
  URL leads to `website.views.private_image_file`, which asks who is looking.

With MEDIA_BUCKET set (README "Deployment"), both live in one S3-compatible bucket
instead (`S3MediaStorage`, `S3PendingUploadStorage`), so that every application
server sees the same files. The bucket is private; its policy lets anyone read the
public images' names only (`PUBLIC_PREFIXES`: originals and renditions), which pages
link to directly. Everything else (documents, private images, pending uploads) is
read by Django, which checks who is asking, or through a signed URL that expires
within minutes.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PRIVATE_PREFIX = "private/"
# The names a visitor's browser reads straight from the bucket: public images'
# originals and renditions (Wagtail's upload_to). The bucket policy in the README
# grants anonymous reads on exactly these prefixes.
PUBLIC_PREFIXES = ("original_images/", "images/")
# How long a signed URL to a non-public file stays valid (seconds).
SIGNED_URL_SECONDS = 300
# The alias in STORAGES of the storage for uploads waiting for their second step.
PENDING_UPLOADS = "pending_uploads"


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError(f"{name} is private: it has no public URL")


class _PendingUploadStorage:
    """STORAGES["pending_uploads"], looked up on every use, so that tests' settings apply.

    (A model field keeps the storage object it was given; this one follows the settings.)
    """

    def __getattr__(self, attribute):
        return getattr(storages[PENDING_UPLOADS], attribute)


private_storage = _PendingUploadStorage()


@deconstructible(path="website.storage.MediaStorage")
class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT, but names under `private/` live in PRIVATE_MEDIA_ROOT and have a checked URL."""

    def path(self, name):
        if name.startswith(PRIVATE_PREFIX):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name)
        return super().path(name)

    def _save(self, name, content):
        saved = super()._save(name, content)  # relative to MEDIA_ROOT, so "../…" for a private name
        if name.startswith(PRIVATE_PREFIX):
            full_path = os.path.normpath(os.path.join(self.location, saved))
            return os.path.relpath(full_path, settings.PRIVATE_MEDIA_ROOT).replace("\\", "/")
        return saved

    def url(self, name):
        if name and name.startswith(PRIVATE_PREFIX):
            return reverse("private_image_file", args=[name.removeprefix(PRIVATE_PREFIX)])
        return super().url(name)


@deconstructible(path="website.storage.S3MediaStorage")
class S3MediaStorage(S3Storage):
    """The bucket: public images by their plain URL, the rest checked by Django or signed.

    The URLs are computed here, without a request to S3: a page listing many
    files costs no round trip per file.
    """

    def __init__(self, **settings_overrides):
        super().__init__(**{"querystring_auth": False, "file_overwrite": False, **settings_overrides})

    def url(self, name, parameters=None, expire=None, http_method=None):
        if name and name.startswith(PRIVATE_PREFIX):
            return reverse("private_image_file", args=[name.removeprefix(PRIVATE_PREFIX)])
        if name and name.startswith(PUBLIC_PREFIXES):
            return super().url(name, parameters, expire, http_method)
        # Documents are served by Wagtail's view (WAGTAILDOCS_SERVE_METHOD), which checks
        # collection restrictions; a URL of the storage itself is signed and short-lived.
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={
                **(parameters or {}),
                "Bucket": self.bucket_name,
                "Key": self._normalize_name(clean_name(name)),
            },
            ExpiresIn=expire or SIGNED_URL_SECONDS,
            HttpMethod=http_method,
        )


@deconstructible(path="website.storage.S3PendingUploadStorage")
class S3PendingUploadStorage(S3Storage):
    """Uploads waiting for their second step, under their own prefix of the bucket; no URL."""

    def __init__(self, **settings_overrides):
        super().__init__(**{"location": "pending_uploads", "file_overwrite": False, **settings_overrides})

    def url(self, name, *args, **kwargs):
        raise ValueError(f"{name} is private: it has no public URL")
