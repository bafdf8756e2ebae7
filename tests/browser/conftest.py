"""Browser tests: Playwright driving the system's Chromium against a live server.

Run them alone with `pytest -m browser` (or `pytest tests/browser`). They need
Debian's `chromium` package (`.ci/run` installs it) and never download a
browser. Without Chromium they skip, saying why; in CI (`CI=true`) a missing
Chromium fails the run instead, so the browser tests can never pass silently.
"""

import logging
import os
import shutil
import traceback
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

from conftest import demo_site

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_VERSION = "4.14.1"
AXE_FILE = Path(__file__).parent / "vendor" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Playwright's sync API keeps an event loop in the main thread; the ORM calls
# the tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def missing_browser_reason():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -r requirements-dev.txt)"
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="session")
def chromium():
    reason = missing_browser_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"Browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def orm(django_db_blocker):
    """Database access for a test's own look-ups (the browser tests are not in a transaction)."""

    @contextmanager
    def access():
        with django_db_blocker.unblock():
            yield

    return access


class SerialWSGIServer(WSGIServer):
    """Serves one request at a time.

    Django's live server answers each request in its own thread, all sharing one
    connection to SQLite's in-memory test database; two overlapping admin
    requests then collide ("cannot start a transaction within a transaction").
    Non-threaded, Django also closes each HTTP connection, so keep-alive cannot
    block the next request.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class SerialLiveServerThread(LiveServerThread):
    server_class = SerialWSGIServer


class ServerLog:
    """What the live server answered and the errors it logged, for a test to fail on a 5xx or a traceback.

    Django's live server logs no requests (`QuietWSGIRequestHandler`), so
    every response's status is taken from the WSGI application itself; errors
    are the records at ERROR and above (Django's "Internal Server Error" with
    its traceback, a failed task, a mail that could not be sent).
    """

    def __init__(self):
        self.responses = []  # (method, path, status)
        self.errors = []

    def wrap(self, application):
        def recorded(environ, start_response):
            request = (environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""))

            def recording_start_response(status, headers, exc_info=None):
                self.responses.append((*request, int(status.split()[0])))
                return start_response(status, headers, exc_info)

            try:
                return application(environ, recording_start_response)
            except Exception:
                # Past Django's own handler: the server answers 500 without logging it.
                self.errors.append(f"{' '.join(request)} raised:\n{traceback.format_exc()}")
                raise

        return recorded

    def problems(self, since=(0, 0)):
        """The 5xx responses and the logged errors after `since`, a `mark()`."""
        responses, errors = since
        failed = [
            f"{method} {path} answered {status}"
            for method, path, status in self.responses[responses:]
            if status >= 500
        ]
        return failed + self.errors[errors:]

    def mark(self):
        return len(self.responses), len(self.errors)


class _ErrorRecords(logging.Handler):
    def __init__(self, server_log):
        super().__init__(level=logging.ERROR)
        self.server_log = server_log
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record):
        self.server_log.errors.append(self.format(record))


class DemoServer:
    def __init__(self):
        self.log = ServerLog()
        connections_override = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in connections_override.values():
            conn.inc_thread_sharing()
        self.thread = SerialLiveServerThread(
            "localhost",
            static_handler=lambda application: self.log.wrap(StaticFilesHandler(application)),
            connections_override=connections_override,
        )
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://localhost:{self.thread.port}"

    def stop(self):
        self.thread.terminate()
        for conn in self.thread.connections_override.values():
            conn.dec_thread_sharing()


@pytest.fixture(scope="package")
def demo_server(chromium, test_database, django_db_blocker):
    """A live server with the demo content, for the browser tests together.

    Package-scoped: the demo is gone once the run leaves this package, so tests that
    run later in the same process (or xdist worker) build their own pages on an empty
    site.

    The browser and the server share the data, so no test transaction wraps
    them; at the end the database is put back as the migrations left it.
    """
    with demo_site(django_db_blocker, committed=True):
        server = DemoServer()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(autouse=True)
def no_server_errors(request):
    """Fails a browser test when the live server answered a 5xx or logged an error while it ran.

    The handler sits on the root logger (where "django.request" and the
    others propagate) and on "django.server", which does not propagate.
    """
    if "demo_server" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("demo_server")
    handler = _ErrorRecords(server.log)
    loggers = [logging.getLogger(), logging.getLogger("django.server")]
    for logger in loggers:
        logger.addHandler(handler)
    start = server.log.mark()
    try:
        yield server.log
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    problems = server.log.problems(since=start)
    if problems:
        pytest.fail("The live server failed during the test:\n" + "\n".join(problems), pytrace=False)


class Visit:
    """A browser page that records every request and console error, to assert on them."""

    def __init__(self, page, server_url):
        self.page = page
        self.server_url = server_url
        self.requests = []
        self.console_errors = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console", lambda message: message.type == "error" and self.console_errors.append(message.text)
        )

    def url(self, path):
        return self.server_url + path

    def goto(self, path, **kwargs):
        return self.page.goto(self.url(path), **kwargs)

    def foreign_requests(self):
        return [url for url in self.requests if not url.startswith((self.server_url, "data:", "blob:"))]

    def csp_violations(self):
        return [text for text in self.console_errors if "Content Security Policy" in text]


@pytest.fixture
def new_visit(chromium, demo_server):
    """Open a fresh browser context (own cookies, language, JavaScript switch) per call."""
    contexts = []

    def open_visit(locale="en-GB", javascript=True):
        context = chromium.new_context(
            locale=locale,
            java_script_enabled=javascript,
            accept_downloads=True,
            extra_http_headers={"Accept-Language": locale},
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return Visit(context.new_page(), demo_server.url)

    yield open_visit
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source():
    source = AXE_FILE.read_text()
    assert source.startswith(f"/*! axe v{AXE_VERSION}"), (
        "tests/browser/vendor/axe.min.js is not the pinned version"
    )
    return source
