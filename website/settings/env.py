"""Every environment variable the project reads, in one place.

The README's "Environment" table documents each of them.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def read(name, default=None, *, required=False):
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production "
            "(see the Environment table in README.md)."
        )
    return default


def read_bool(name, default=False):
    value = read(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def read_int(name, default):
    value = read(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a whole number, not {value!r}."
        ) from None


def read_list(name, default=(), *, required=False):
    value = read(name, required=required)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DATABASE_URL = read("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
SECRET_KEY = read("SECRET_KEY")
ALLOWED_HOSTS = read_list("ALLOWED_HOSTS")
DEBUG = read_bool("DEBUG")
SITE_BASE_URL = read("SITE_BASE_URL", "http://127.0.0.1:8000")
# Only when set explicitly: canonical URLs otherwise follow the request's host.
CANONICAL_BASE_URL = read("SITE_BASE_URL")
# Where links in admin mails (review-workflow notifications) lead. `make run`
# sets it to the port it serves on: setting SITE_BASE_URL there would also make
# canonical URLs absolute, and they must follow the request's host.
ADMIN_BASE_URL = read("ADMIN_BASE_URL", SITE_BASE_URL)
MEDIA_ROOT = read("MEDIA_ROOT", str(BASE_DIR / "media"))
# Files that must never be served from /media/ (uploads waiting for their second step).
PRIVATE_MEDIA_ROOT = read("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media"))
# Uploaded files in an S3-compatible bucket instead of MEDIA_ROOT (website/storage.py):
# the bucket's name; the keys and, for a service other than AWS (MinIO, Scaleway, OVH…),
# its endpoint and region. MEDIA_URL is where browsers read the public images: the
# bucket's own address when unset; the recommended setup puts the bucket behind the
# site's domain (a CDN path such as https://example.org/media/), so that pages load
# nothing from another site.
MEDIA_BUCKET = read("MEDIA_BUCKET")
AWS_ACCESS_KEY_ID = read("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = read("AWS_SECRET_ACCESS_KEY")
AWS_S3_ENDPOINT_URL = read("AWS_S3_ENDPOINT_URL")
AWS_S3_REGION_NAME = read("AWS_S3_REGION_NAME")
MEDIA_URL = read("MEDIA_URL")
STATIC_ROOT = read("STATIC_ROOT", str(BASE_DIR / "static_collected"))
# Search: Elasticsearch 8/9 or OpenSearch 2/3 instead of the database (see search/conf.py,
# which checks the versions and names the supported ones).
ELASTICSEARCH_URL = read("ELASTICSEARCH_URL")
ELASTICSEARCH_VERSION = read("ELASTICSEARCH_VERSION", "9")
OPENSEARCH_URL = read("OPENSEARCH_URL")
OPENSEARCH_VERSION = read("OPENSEARCH_VERSION", "3")
SEARCH_INDEX_PREFIX = read("SEARCH_INDEX_PREFIX", "pi-dev")

# Machine translation for wagtail-localize, off unless one of these is set.
DEEPL_API_KEY = read("DEEPL_API_KEY")
LIBRETRANSLATE_URL = read("LIBRETRANSLATE_URL")
LIBRETRANSLATE_API_KEY = read("LIBRETRANSLATE_API_KEY", "")
# Headless front end: where Wagtail's preview sends editors (empty: preview
# renders with the site's own templates), and the origins allowed to call the
# API from a browser (empty: no CORS headers at all).
FRONTEND_URL = read("FRONTEND_URL", "").rstrip("/")
CORS_ALLOWED_ORIGINS = read_list("CORS_ALLOWED_ORIGINS")
# The key of API token digests (upstream/wagtail_api_token_secret.py), so that rotating SECRET_KEY
# does not revoke every API token; unset: SECRET_KEY.
API_TOKEN_SECRET = read("API_TOKEN_SECRET")
# A cache shared by every web process (preview tokens live in it): a Redis URL,
# e.g. redis://127.0.0.1:6379/0. Unset: each process keeps its own, in memory.
CACHE_URL = read("CACHE_URL")
# Outgoing mail (review-workflow notifications, password resets), e.g.
# smtp://user:password@mail.example.org:587; unset: mails are printed to the console.
EMAIL_URL = read("EMAIL_URL")
DEFAULT_FROM_EMAIL = read("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Addresses that get server errors by mail, comma-separated; unset: errors go to the log only.
ADMINS = read_list("ADMINS")

# Staff sign-in: failed sign-ins before a lockout (per account and per address), and its length.
LOGIN_FAILURE_LIMIT = read_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = read_int("LOGIN_LOCKOUT_MINUTES", 15)
# Minutes without a request after which a staff session ends.
SESSION_IDLE_MINUTES = read_int("SESSION_IDLE_MINUTES", 60)
# Two-factor authentication: compulsory for administrators and moderators (the default in
# production, website/settings/production.py), or for every admin user.
# Unset: each settings module's default (off in dev and test, on in production).
TWO_FACTOR_REQUIRED = read_bool("TWO_FACTOR_REQUIRED", None)
TWO_FACTOR_REQUIRED_FOR_ALL = read_bool("TWO_FACTOR_REQUIRED_FOR_ALL", False)
# The request header the proxy puts the client's address in (e.g. X-Real-IP); unset: REMOTE_ADDR.
CLIENT_IP_HEADER = read("CLIENT_IP_HEADER")
# Write visitors' addresses (truncated) into the logs: off unless asked for.
LOG_VISITOR_IP = read_bool("LOG_VISITOR_IP", False)
# The site's onion address (http://….onion), sent as the Onion-Location header.
ONION_LOCATION = read("ONION_LOCATION", "").rstrip("/")
# Days the audit trail keeps its entries.
AUDIT_RETENTION_DAYS = read_int("AUDIT_RETENTION_DAYS", 365)

# `make serve` (deploy/gunicorn.conf.py): where gunicorn listens, how many worker
# processes and threads each serves with. WEB_CONCURRENCY is the name hosting platforms set.
BIND = read("BIND", "127.0.0.1:8000")
WEB_CONCURRENCY = read_int("WEB_CONCURRENCY", 2)
WEB_THREADS = read_int("WEB_THREADS", 4)

# The shared HTTP cache in front, purged when editors publish (website/frontend_cache.py):
# Varnish (`make cache`; its address as the application servers reach it, e.g.
# http://127.0.0.1:6081), and/or a CDN: Cloudflare (an API token allowed to purge, and
# the zone's id) or CloudFront (the distribution's id; AWS credentials as boto3 finds them).
VARNISH_URL = read("VARNISH_URL")
CLOUDFLARE_API_TOKEN = read("CLOUDFLARE_API_TOKEN")
CLOUDFLARE_ZONE_ID = read("CLOUDFLARE_ZONE_ID")
CLOUDFRONT_DISTRIBUTION_ID = read("CLOUDFRONT_DISTRIBUTION_ID")
