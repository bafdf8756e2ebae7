"""Storage for files that no URL may serve.

Whatever serves /media/ (Django's static view in development, the web server in
production) serves MEDIA_ROOT; this storage writes under PRIVATE_MEDIA_ROOT, kept
apart from it, and refuses to give a URL, so a file in it reaches a browser only
through a view that checks who asks.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


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
