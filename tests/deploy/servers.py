"""The production server (gunicorn with production settings) started in a subprocess for a test.

It serves the test database, as the migrations left it plus what a test commits,
and static files collected into a temporary folder.
"""

import http.client
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection

from tests.website.test_settings import DOCUMENTED, production_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
HOST = "www.protectioninternational.org"  # DOCUMENTED's ALLOWED_HOSTS
# Static files public pages never load: collecting them would cost a minute of brotli per run.
ADMIN_STATIC = (
    "admin",
    "wagtailadmin",
    "ninja",
    "flags",
    "wagtail_localize",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsnippets",
    "wagtailembeds",
    "wagtailsearchpromotions",
    "otp_totp",
    "django_otp",
    "translations",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(sqlite_copy=None):
    """The test database, as a DATABASE_URL another process can open.

    On SQLite, `sqlite_copy` names a file to serve a copy from: the test's own
    transaction (BEGIN IMMEDIATE) would hold the server's first request.
    """
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        if sqlite_copy is None:
            return f"sqlite:///{Path(settings['NAME']).resolve()}"
        source, copy = sqlite3.connect(settings["NAME"]), sqlite3.connect(sqlite_copy)
        with source, copy:
            source.backup(copy)
        source.close()
        copy.close()
        return f"sqlite:///{Path(sqlite_copy).resolve()}"
    user = settings["USER"] or "postgres"
    return (
        f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def server_environment(static_root, database=None, **extra):
    return production_env(
        {
            **DOCUMENTED,
            "DATABASE_URL": database or database_url(),
            "STATIC_ROOT": str(static_root),
            "WEB_CONCURRENCY": "1",
            "WEB_THREADS": "2",
            **extra,
        }
    )


def collect_static(static_root):
    ignored = [argument for name in ADMIN_STATIC for argument in ("--ignore", name)]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", *ignored],
        env=server_environment(static_root),
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
    )


def get(port, path, headers=None, method="GET"):
    """(status, headers, body) of one request as the TLS-terminating proxy forwards it."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request(method, path, headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})})
        response = client.getresponse()
        return response.status, response.headers, response.read()
    finally:
        client.close()


def wait_until_up(port, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server stopped at start:\n{log.read_text()}")
        try:
            status, _headers, _body = get(port, "/healthz")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        time.sleep(0.2)
    raise RuntimeError(f"The server did not answer in {seconds} s:\n{log.read_text()}")


class Gunicorn:
    """gunicorn as `make serve` starts it (deploy/gunicorn.conf.py), on a free port."""

    def __init__(self, static_root, log_dir, database=None, **environment):
        self.port = free_port()
        self.log = Path(log_dir) / f"gunicorn-{self.port}.log"
        env = server_environment(static_root, database, BIND=f"127.0.0.1:{self.port}", **environment)
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py"],
                env=env,
                cwd=BASE_DIR,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_until_up(self.port, self.process, self.log)
        except Exception:
            self.stop()
            raise

    def get(self, path, headers=None, method="GET"):
        return get(self.port, path, headers, method)

    def log_lines_until(self, start, seconds=10):
        """The access log's lines once one starts with `start` (they are written after the response)."""
        deadline = time.monotonic() + seconds
        while True:
            lines = [line for line in self.log.read_text().splitlines() if line.startswith('"')]
            if any(line.startswith(start) for line in lines) or time.monotonic() > deadline:
                return lines
            time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Varnish:
    """varnishd with deploy/varnish/site.vcl in front of a server, as `make cache` starts it."""

    def __init__(self, varnishd, backend_port):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # varnishd drops to its own user, which must reach the folder: not pytest's
        # private tmp_path.
        self.dir = Path(tempfile.mkdtemp(prefix="pi-test-varnish-"))
        self.dir.chmod(0o755)
        # The VCL exactly as `make cache` renders it.
        subprocess.run(
            ["make", "-s", "cache-vcl", f"CACHE_DIR={self.dir}", f"CACHE_BACKEND=127.0.0.1:{backend_port}"],
            cwd=BASE_DIR,
            check=True,
            capture_output=True,
        )
        self.log = self.dir / "varnishd.log"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [varnishd, "-F", "-n", str(self.dir / "state"), "-a", f"127.0.0.1:{self.port}"]
                + ["-f", str(self.dir / "site.vcl"), "-s", "malloc,32m"],
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_until_up(self.port, self.process, self.log)
        except Exception:
            self.stop()
            raise

    def get(self, path, headers=None, method="GET"):
        return get(self.port, path, headers, method)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
