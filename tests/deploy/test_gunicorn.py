"""`make serve`: gunicorn with production settings serves the pages and the static files."""

import gzip
import re

import brotli
import pytest

from tests.deploy.servers import Gunicorn, database_url

# The server reads the test database: pytest-django creates it only for tests marked so.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def server(django_db_setup, static_root, tmp_path_factory):
    logs = tmp_path_factory.mktemp("logs")
    gunicorn = Gunicorn(static_root, logs, database_url(sqlite_copy=logs / "db.sqlite3"))
    yield gunicorn
    gunicorn.stop()


def stylesheet_url(html):
    return re.search(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)


def test_the_home_page_is_served_with_a_hashed_stylesheet(server):
    status, headers, body = server.get("/en/")
    assert status == 200
    html = body.decode()
    assert "Protection International" in html
    assert stylesheet_url(html)
    assert "public" in headers["Cache-Control"]
    assert "Set-Cookie" not in headers


@pytest.mark.parametrize(
    ("accepted", "encoding", "decompress"),
    [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress), ("identity", None, None)],
)
def test_static_files_are_compressed_as_the_browser_accepts(server, accepted, encoding, decompress):
    _status, _headers, plain = server.get("/static/css/site.css", {"Accept-Encoding": "identity"})
    status, headers, body = server.get("/static/css/site.css", {"Accept-Encoding": accepted})
    assert status == 200
    assert headers.get("Content-Encoding") == encoding
    assert headers["Vary"] == "Accept-Encoding"
    if decompress:
        assert len(body) < len(plain)
        assert decompress(body) == plain
    assert b"body" in plain


def test_hashed_static_files_are_cached_for_a_year_as_immutable(server):
    _status, _headers, body = server.get("/en/")
    status, headers, _body = server.get(stylesheet_url(body.decode()), {"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]
    # The unhashed name may change with the next release: no immutable there.
    _status, headers, _body = server.get("/static/css/site.css")
    assert "immutable" not in headers["Cache-Control"]


def test_the_access_log_has_no_visitor_address(server):
    server.get("/en/?from=the-log-test", {"X-Forwarded-For": "203.0.113.77"})
    # gunicorn writes the line once the response has left.
    access_log = server.log_lines_until('"GET /en/?from=the-log-test HTTP/1.1" 200 ')
    assert [line for line in access_log if line.startswith('"GET /en/?from=the-log-test HTTP/1.1" 200 ')]
    assert not [line for line in access_log if "127.0.0.1" in line or "203.0.113" in line]


def test_plain_http_is_sent_to_https_but_probes_are_answered(server):
    status, headers, _body = server.get("/en/", {"X-Forwarded-Proto": "http"})
    assert status == 301
    assert headers["Location"].startswith("https://")
    status, _headers, body = server.get("/healthz", {"X-Forwarded-Proto": "http", "Host": "10.0.0.5"})
    assert status == 200
    assert b'"database": "ok"' in body
