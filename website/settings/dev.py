from .base import *  # noqa: F403
from .base import env

DEBUG = env.read_bool("DEBUG", True)
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
DEMO_CONTENT_ALLOWED = True
# LOGGING comes from base: errors with their tracebacks on stderr, as in production.
# Its "django" logger at WARNING also keeps the tasks' "RUNNING"/"SUCCESSFUL" lines
# (the demo loader extracts text from dozens of PDFs) out of the server's output.
