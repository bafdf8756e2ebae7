"""Where uploaded files live, and which of them a URL may serve.

Whatever serves /media/ (Django's static view in development, the web server in
production) serves MEDIA_ROOT. Two kinds of file must never be reachable there, so
they are written under PRIVATE_MEDIA_ROOT, kept apart from it:

- `private_storage`: uploads waiting for their second step in the admin's multiple
  upload (upstream/wagtail_uploaded_file_storage.py); they have no URL at all.
- in the default storage, `MediaStorage`, every name under `private/`: the originals
  and renditions of images in a private collection (website/private_images.py). Their
  URL leads to `website.views.private_image_file`, which asks who is looking.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject

PRIVATE_PREFIX = "private/"


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError(f"{name} is private: it has no public URL")


class _LazyPrivateStorage(LazyObject):
    # Read PRIVATE_MEDIA_ROOT when first used, so that tests' settings apply.
    def _setup(self):
        self._wrapped = PrivateStorage()


private_storage = _LazyPrivateStorage()


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
