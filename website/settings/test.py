import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, LANGUAGES, env, search_backends

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process: its memory is shared by every request and every write of a test.
FRAGMENT_CACHE = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default, so that `--reuse-db` (in pytest's addopts)
    # keeps the migrated database between runs: unapplied migrations are still applied
    # at start-up, an edited one needs `--create-db`. pytest-django gives each xdist
    # worker its own copy (`_gw0`, `_gw1` suffixes). Named after DATABASE_URL's file,
    # so that two runs at once in one checkout can keep apart by giving different ones.
    test_name = f"test_{Path(DATABASES['default']['NAME']).name}"
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".pytest-db" / test_name)}
    (BASE_DIR / ".pytest-db").mkdir(exist_ok=True)
MEDIA_ROOT = tempfile.mkdtemp(prefix="pi-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="pi-test-private-media-")
STORAGES = {
    "default": {"BACKEND": "website.storage.MediaStorage"},
    "pending_uploads": {"BACKEND": "website.storage.PrivateStorage"},
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
