"""The load benchmark reads wrk's figures right: requests, latency, and every answer that is not a 2xx."""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks import load_bench


class Answers(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 200 if self.path == "/ok" else 404
        body = b"ok" if status == 200 else b"missing"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def script(tmp_path):
    if not shutil.which("wrk"):
        pytest.skip("wrk is not installed (apt-get install -y wrk)")
    path = tmp_path / "count.lua"
    path.write_text(load_bench.WRK_SCRIPT)
    return str(path)


def test_every_answer_is_counted_by_status(server, script, monkeypatch):
    monkeypatch.setattr(load_bench, "CONNECTIONS", 2)
    ok = load_bench.load(server, "/ok", script, seconds=1)
    missing = load_bench.load(server, "/missing", script, seconds=1)

    assert ok["requests"] > 0 and ok["statuses"] == {"200": ok["requests"]}
    assert ok["non_2xx"] == 0 and ok["errors"] == 0
    assert ok["rps"] > 0 and 0 < ok["p50_ms"] <= ok["p99_ms"]
    assert missing["non_2xx"] == missing["requests"] > 0


def test_the_table_divides_by_the_floor_and_the_static_file():
    def figures(rps):
        return {"rps": rps, "p99_ms": 12.0, "errors": 0, "non_2xx": 0}

    rows = {
        "floor: /robots.txt": {"queries": (0, 0), "uncached": figures(1000)},
        "static file": {"queries": ("–", "–"), "cached": figures(20000)},
        "home": {"queries": (16, 11), "uncached": figures(100), "cached": figures(18000)},
    }
    table = load_bench.table([("Demo", rows, "Redis")])
    assert "| home | 16 / 11 | 100 | 0.10× | 12 | 0 | 0 | 18000 | 0.90× | 12 | 0 | 0 |" in table
