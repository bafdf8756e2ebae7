"""With the database down, probes see it, visitors get the site's error page, the log gets the traceback.

Before, the server started, `/` answered 302, every page 500, and nothing was
logged (production had no LOGGING); a load balancer had nothing to probe. The
server runs here as in production: a subprocess importing website.wsgi with
production settings from the environment, DATABASE_URL at a closed port.
"""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

SERVE = """
import json

from website.wsgi import application  # the server's entry point, settings from the environment
from django.test import Client

# As behind the TLS-terminating proxy; errors answered as a server answers them.
client = Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")
answers = {}
for path in ("/healthz", "/", "/en/", "/fr/plaidoyer-international/"):
    response = client.get(path)
    answers[path] = {
        "status": response.status_code,
        "type": response.get("Content-Type"),
        "cache_control": response.get("Cache-Control"),
        "cookies": sorted(response.cookies),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def served():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **{key: value for key, value in os.environ.items() if key not in ("DEBUG", "CACHE_URL", "ADMINS")},
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "a-production-secret-for-this-test-only-0123456789abcdefghijklmnop",
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "DATABASE_URL": f"postgres://pi:secret@127.0.0.1:{port}/pi",
    }
    result = subprocess.run(
        [sys.executable, "-c", SERVE], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    log = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    return json.loads(result.stdout), log, port


def test_health_endpoint_says_the_database_is_down(served):
    answers, _log, _port = served
    health = answers["/healthz"]

    assert health["status"] == 503
    assert health["type"] == "application/json"
    assert json.loads(health["body"]) == {
        "status": "unavailable",
        "database": "down",
        "cache": "ok",
        "search": "ok",
    }
    assert health["cache_control"] == "no-store"
    assert health["cookies"] == []


def test_pages_answer_the_sites_error_page_without_internals(served):
    answers, _log, port = served

    for path in ("/en/", "/fr/plaidoyer-international/"):
        page = answers[path]
        assert page["status"] == 500, path
        assert "Something went wrong" in page["body"] or "Une erreur est survenue" in page["body"]
        for leak in ("OperationalError", "psycopg", "Traceback", str(port), "secret"):
            assert leak not in page["body"], (path, leak)


def test_each_server_error_is_logged_with_its_request_and_traceback(served):
    _answers, log, _port = served

    errors = {entry["path"]: entry for entry in log if entry["logger"] == "django.request"}
    assert set(errors) == {"/en/", "/fr/plaidoyer-international/"}
    for entry in errors.values():
        assert entry["level"] == "ERROR"
        assert (entry["method"], entry["status"]) == ("GET", 500)
        assert "OperationalError" in entry["exc_info"]
        assert entry["time"].endswith("+00:00")
