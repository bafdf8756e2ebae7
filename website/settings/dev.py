from .base import *  # noqa: F403
from .base import env

DEBUG = env.read_bool("DEBUG", True)
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
DEMO_CONTENT_ALLOWED = True
# Tasks run in `manage.py db_worker` (base.py), which prints a line per task itself
# (its -v option); other commands keep quiet about tasks.
LOGGING = {"version": 1, "disable_existing_loggers": False, "loggers": {"django.tasks": {"level": "WARNING"}}}
