"""Production: every security value must come from the environment."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.read_bool("DEBUG", False)
SECRET_KEY = env.read("SECRET_KEY", required=True)
ALLOWED_HOSTS = env.read_list("ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if "*" not in host]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
DEMO_CONTENT_ALLOWED = False
