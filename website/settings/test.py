import tempfile

from .base import *  # noqa: F403
from .base import LANGUAGES, env, search_backends

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="pi-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Every task runs at once, in the request (Wagtail's backport tasks too: they take
# this backend's task class), so that tests see its effects without a worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CONTENT_ALLOWED = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Integration tests against a live Elasticsearch rebuild their indexes: never the dev ones.
WAGTAILSEARCH_BACKENDS = search_backends(
    [code for code, _name in LANGUAGES],
    elasticsearch_url=env.ELASTICSEARCH_URL,
    elasticsearch_version=env.ELASTICSEARCH_VERSION,
    opensearch_url=env.OPENSEARCH_URL,
    opensearch_version=env.OPENSEARCH_VERSION,
    index_prefix="pi-test",
)
