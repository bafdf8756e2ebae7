"""Production: every security value must come from the environment.

`manage.py check --deploy` passes with the environment the README documents
(tests/website/test_settings.py runs it).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, mailer_settings

DEBUG = env.read_bool("DEBUG", False)
SECRET_KEY = env.read("SECRET_KEY", required=True)
ALLOWED_HOSTS = env.read_list("ALLOWED_HOSTS", required=True)
if any("*" in host for host in ALLOWED_HOSTS):
    # "*" would accept any Host header: poisoned password-reset links and caches.
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name the site's hosts, not '*' (a leading dot allows subdomains: .example.org)."
    )
CSRF_TRUSTED_ORIGINS = [
    f"https://*{host}" if host.startswith(".") else f"https://{host}" for host in ALLOWED_HOSTS
]
# Password resets and review notifications must leave: the console backend would
# print them where nobody reads them.
MAILERS = mailer_settings(env.read("EMAIL_URL", required=True))
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto. Plain HTTP is
# redirected, except load balancers' probes: /healthz is answered before
# SecurityMiddleware (website/health.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
# Every subdomain is HTTPS-only too, and the domain may go on browsers' preload
# list: the organisation's sites are targets, and a first visit over HTTP can be
# intercepted.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Static files are served by the application server itself (WhiteNoise), right after the
# security middleware: no web server to configure, and the cache in front (deploy/varnish/)
# or a CDN keeps them. `collectstatic` (make serve) writes each file under a name with its
# content's hash, plus gzip and brotli copies; WhiteNoise sends the smallest the browser
# accepts and marks the hashed names `immutable` for a year.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **MEDIA_STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DEMO_CONTENT_ALLOWED = False
# Administrators and moderators sign in with a second factor (README "Staff accounts").
TWO_FACTOR_REQUIRED = env.TWO_FACTOR_REQUIRED is not False
# Behind the proxy, REMOTE_ADDR is the proxy's: the client's address is the last one it
# appends to X-Forwarded-For (sign-in lockouts count per address).
CLIENT_IP_HEADER = env.CLIENT_IP_HEADER or "X-Forwarded-For"
