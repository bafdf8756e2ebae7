"""`GET /healthz`: whether this process can serve the site, for load balancers and uptime probes.

200 `{"status": "ok", "database": "ok", "cache": "ok"}`; 503 with
`"status": "unavailable", "database": "down"` when the database does not
answer, since no page can be served without it. The cache is reported
(`"cache": "down"` while Redis does not answer) but never fails the check: the
site serves without it (website/cache.py).

It is a middleware, first in MIDDLEWARE, not a URL: a probe often names the
server by its IP address, which ALLOWED_HOSTS rightly refuses (a 400 that
would take a healthy server out of service), and probes come over plain HTTP,
which SECURE_SSL_REDIRECT would redirect. Nothing else runs either: no session,
no cookie, no CSRF, no language redirect, one `SELECT 1` (and a Redis PING).
"""

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse

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


def health(request):
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"detail": "Method not allowed."}, status=405)
        response["Allow"] = "GET, HEAD"
    else:
        report = {"status": "ok", "database": database_status(), "cache": cache_status()}
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
