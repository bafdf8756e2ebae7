"""The server's log format (website/json_logging.py): one JSON object per record."""

import json
import logging
import sys

from django.test import RequestFactory

from website.json_logging import JsonFormatter


def record(**extra):
    try:
        raise RuntimeError("the database went away")
    except RuntimeError:
        exc_info = sys.exc_info()
    entry = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/en/",), exc_info
    )
    entry.__dict__.update(extra)
    return entry


def test_a_server_error_is_one_line_with_its_request_and_traceback():
    request = RequestFactory().get("/en/?token=s3cret", HTTP_COOKIE="sessionid=abc")

    line = JsonFormatter().format(record(request=request, status_code=500))

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Internal Server Error: /en/"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/en/", 500)
    assert "RuntimeError: the database went away" in entry["exc_info"]
    assert entry["time"].endswith("+00:00")
    # Query strings and cookies may hold tokens: never logged.
    assert "s3cret" not in line and "abc" not in line


def test_a_plain_warning_has_only_the_basic_fields():
    entry = logging.LogRecord("website.cache", logging.WARNING, __file__, 1, "Redis is down", (), None)

    assert set(json.loads(JsonFormatter().format(entry))) == {"time", "level", "logger", "message"}


def test_no_client_address_is_logged_unless_asked_for_and_then_truncated(settings):
    request = RequestFactory().get("/en/", REMOTE_ADDR="198.51.100.77")
    entry = json.loads(JsonFormatter().format(record(request=request, status_code=500)))
    assert "ip" not in entry
    assert "198.51.100" not in json.dumps(entry)

    settings.LOG_VISITOR_IP = True
    entry = json.loads(JsonFormatter().format(record(request=request, status_code=500)))
    assert entry["ip"] == "198.51.100.0"
