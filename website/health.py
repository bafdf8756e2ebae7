"""`GET /healthz`: whether this process can serve the site, for load balancers and uptime probes.

200 `{"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}`; 503 with
`"status": "unavailable", "database": "down"` when the database does not
answer, since no page can be served without it. The cache and search are
reported (`"down"` while Redis, or Elasticsearch/OpenSearch, does not answer)
but never fail the check: the site serves without the cache (website/cache.py),
and every page but search results without the search engine; taking every
server out of the load balancer for either would take the whole site down.
With the database search backend, search is the database's: "ok" without a
second query.

It is a middleware, first in MIDDLEWARE, not a URL: a probe often names the
server by its IP address, which ALLOWED_HOSTS rightly refuses (a 400 that
would take a healthy server out of service), and probes come over plain HTTP,
which SECURE_SSL_REDIRECT would redirect. Nothing else runs either: no session,
no cookie, no CSRF, no language redirect, one `SELECT 1` (and a Redis PING, an
Elasticsearch/OpenSearch ping).
"""

import functools

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from wagtail.search.backends import get_search_backend

# Seconds a probe waits for the search engine: load balancers probe every few seconds.
SEARCH_TIMEOUT = 1

PATH = "/healthz"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "ok"


def cache_status():
    cache = caches["default"]
    is_available = getattr(cache, "is_available", None)  # Redis; the in-process cache always answers
    if is_available is None or is_available():
        return "ok"
    return "down"


@functools.cache
def search_client():
    """The Elasticsearch/OpenSearch client of the public search (each language's backend
    shares one cluster), made once per process; None with the database search."""
    for name in settings.WAGTAILSEARCH_BACKENDS:
        client = getattr(get_search_backend(name), "es", None)
        if client is not None:
            return client
    return None


def search_status():
    client = search_client()
    if client is None:
        return "ok"
    try:
        if hasattr(client, "options"):  # elasticsearch-py 8 and 9
            answered = client.options(request_timeout=SEARCH_TIMEOUT).ping()
        else:  # opensearch-py
            answered = client.ping(request_timeout=SEARCH_TIMEOUT)
    except Exception:
        return "down"
    return "ok" if answered else "down"


def health(request):
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"detail": "Method not allowed."}, status=405)
        response["Allow"] = "GET, HEAD"
    else:
        report = {
            "status": "ok",
            "database": database_status(),
            "cache": cache_status(),
            "search": search_status(),
        }
        if report["database"] != "ok":
            report["status"] = "unavailable"
        response = JsonResponse(report, status=200 if report["status"] == "ok" else 503)
        # Not in the error log: probes ask every few seconds through an outage, and
        # the pages' own errors are logged with their tracebacks. (The flag is how
        # Django's log_response skips a response already logged.)
        response._has_been_logged = True
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health(request)
        return self.get_response(request)
