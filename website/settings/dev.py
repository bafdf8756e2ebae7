from .base import *  # noqa: F403
from .base import env

DEBUG = env.read_bool("DEBUG", True)
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
DEMO_CONTENT_ALLOWED = True
# Tasks run at once in development; their "RUNNING"/"SUCCESSFUL" lines would
# drown the server's own output (the demo loader extracts text from dozens of PDFs).
LOGGING = {"version": 1, "disable_existing_loggers": False, "loggers": {"django.tasks": {"level": "WARNING"}}}
