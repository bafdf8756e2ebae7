"""The guard every browser test runs under: the live server's 5xx answers and errors fail the test."""

import logging

import pytest

from .conftest import ServerLog, _ErrorRecords


def test_the_server_log_reports_5xx_answers_exceptions_and_logged_errors_not_4xx():
    log = ServerLog()

    def application(environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/raises":
            raise RuntimeError("boom")
        start_response(
            {"/missing": "404 Not Found", "/broken": "500 Internal Server Error"}.get(path, "200 OK"), []
        )
        return [b""]

    served = log.wrap(application)
    before = log.mark()
    for path in ("/", "/missing", "/broken"):
        served({"REQUEST_METHOD": "GET", "PATH_INFO": path}, lambda status, headers, exc_info=None: None)
    with pytest.raises(RuntimeError):
        served(
            {"REQUEST_METHOD": "POST", "PATH_INFO": "/raises"}, lambda status, headers, exc_info=None: None
        )
    logger = logging.getLogger("tests.browser.server_log")
    handler = _ErrorRecords(log)
    logger.addHandler(handler)
    try:
        logger.warning("Not Found: /missing")  # below ERROR: not a failure
        logger.error("Internal Server Error: /broken")
    finally:
        logger.removeHandler(handler)

    problems = log.problems(since=before)

    assert [line.splitlines()[0] for line in problems] == [
        "GET /broken answered 500",
        "POST /raises raised:",
        "ERROR tests.browser.server_log: Internal Server Error: /broken",
    ]
    assert "RuntimeError: boom" in problems[1]
    assert log.problems(since=log.mark()) == []
