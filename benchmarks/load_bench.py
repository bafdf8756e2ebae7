"""The site under load: each page type with 64 connections, uncached and through Varnish.

Serves a throwaway PostgreSQL database (pi_load_bench by default, on the server
DATABASE_URL points at) with the demo loaded, as `make serve` does: gunicorn with
production settings and 2 workers (BENCH_WORKERS), static files collected, Redis as
the shared cache when `redis-server` is installed (else each worker keeps its own, in
memory), and Varnish in front as `make cache` starts it. Then, for each page type,
`wrk` holds 64 connections (BENCH_CONNECTIONS) for 60 seconds (BENCH_LOAD_SECONDS)
straight at gunicorn, then through Varnish. After that it adds BENCH_PUBLICATIONS
(10000) publications with the search benchmark's bulk writer, indexes them, starts
the servers afresh (empty caches) and measures again.

Per request it reports: requests per second; uncached, that divided by the floor's
(a trivial Django view on the same server through every middleware: /robots.txt,
public and no query); through the cache, divided by a static file's through the same
cache; the SQL queries a request makes with its fragments built afresh and with them
in the cache (measured in this process with Django's test client); the 99th
percentile of latency; errors (connect, read, write, timeout) and non-2xx answers.
Nothing is asserted.

Why wrk (Debian's package, `apt-get install -y wrk`): it is written in C and keeps 64
connections busy from two threads for a few percent of a core. A Python client
(asyncio) on this two-core machine would take most of a core to parse responses,
the core gunicorn needs, and measure itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks load

BENCH_LOAD_SECONDS=10 shortens every run; BENCH_PUBLICATIONS=0 keeps to the demo;
BENCH_PORTS (8600-8699) is the range of ports its servers may take.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import search_bench

BASE_DIR = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PUBLICATIONS = int(os.environ.get("BENCH_PUBLICATIONS", "10000"))
PORTS = os.environ.get("BENCH_PORTS", "8600-8699")
HOST = "bench.example.org"
# As the TLS-terminating proxy forwards a visitor's request: production redirects plain HTTP.
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}

# Counts every answer's status across wrk's threads, and prints the figures this module reads.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do table.insert(parts, string.format('"%d": %d', status, count)) end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "connect": %d, "read": %d, "write": %d, "timeout": %d, '
    .. '"p50_ms": %f, "p99_ms": %f, "statuses": {%s}}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, table.concat(parts, ", ")))
end
"""


def free_port():
    first, last = (int(part) for part in PORTS.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"No free port in {PORTS} (BENCH_PORTS)")


def wait_for(port, path, process, log, seconds=90):
    import http.client

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"A server stopped at start:\n{Path(log).read_text()[-3000:]}")
        try:
            client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            client.request("GET", path, headers=HEADERS)
            if client.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"No answer on port {port} in {seconds} s:\n{Path(log).read_text()[-3000:]}")


class Servers:
    """Redis, gunicorn and Varnish as `make serve` and `make cache` run them, on free ports."""

    def __init__(self, database_url, static_root, workdir):
        self.processes = []
        self.workdir = workdir
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "EMAIL_URL": "smtp://127.0.0.1:25",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(static_root),
            "WEB_CONCURRENCY": str(WORKERS),
        }
        for name in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL", "VARNISH_URL"):
            environment.pop(name, None)
        self.cache = "in each worker's memory (no redis-server)"
        redis_server = shutil.which("redis-server")
        if redis_server:
            port = free_port()
            self.start(
                [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            )
            environment["CACHE_URL"] = f"redis://127.0.0.1:{port}/0"
            self.cache = "Redis"
            time.sleep(0.5)
        self.environment = environment
        self.gunicorn_port = free_port()
        environment["BIND"] = f"127.0.0.1:{self.gunicorn_port}"
        gunicorn = Path(sys.executable).parent / "gunicorn"
        log = self.start(
            [str(gunicorn), "--config", "deploy/gunicorn.conf.py"], env=environment, name="gunicorn"
        )
        wait_for(self.gunicorn_port, "/healthz", self.processes[-1], log)
        self.varnish_port = free_port()
        varnish_dir = self.varnish_dir = Path(tempfile.mkdtemp(prefix="pi-bench-varnish-"))
        varnish_dir.chmod(0o755)  # varnishd's own user reads it
        subprocess.run(
            [
                "make",
                "-s",
                "cache-vcl",
                f"CACHE_DIR={varnish_dir}",
                f"CACHE_BACKEND=127.0.0.1:{self.gunicorn_port}",
            ],
            cwd=BASE_DIR,
            check=True,
            capture_output=True,
        )
        log = self.start(
            [shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-n", str(varnish_dir / "state")]
            + [
                "-a",
                f"127.0.0.1:{self.varnish_port}",
                "-f",
                str(varnish_dir / "site.vcl"),
                "-s",
                "malloc,256m",
            ],
            name="varnish",
        )
        wait_for(self.varnish_port, "/robots.txt", self.processes[-1], log)

    def wait_until_healthy(self, seconds=180):
        """Until gunicorn has worked off what an uncached run left queued, and Varnish's probe
        calls it healthy again (while it is sick, Varnish answers 503 for what it does not hold)."""
        import http.client

        def answers(port, path, within):
            client = http.client.HTTPConnection("127.0.0.1", port, timeout=within)
            started = time.monotonic()
            try:
                client.request("GET", path, headers=HEADERS)
                return client.getresponse().status == 200 and time.monotonic() - started < within
            except OSError:
                return False
            finally:
                client.close()

        deadline = time.monotonic() + seconds
        quick = 0
        while quick < 3:  # three quick answers in a row: nothing left in gunicorn's queue
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn still busy after {seconds} s")
            quick = quick + 1 if answers(self.gunicorn_port, "/healthz", 0.5) else 0
            time.sleep(0.5)
        attempt = 0
        while not answers(self.varnish_port, f"/robots.txt?probe={attempt}", 5):
            if time.monotonic() > deadline:
                raise SystemExit(f"Varnish still finds gunicorn sick after {seconds} s")
            attempt += 1
            time.sleep(1)

    def start(self, command, env=None, name="redis"):
        log = self.workdir / f"{name}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        return log

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if hasattr(self, "varnish_dir"):
            shutil.rmtree(self.varnish_dir, ignore_errors=True)


def load(port, path, script, seconds=SECONDS):
    """wrk's figures for `path` on `port`: CONNECTIONS connections for `seconds`."""
    headers = [argument for name, value in HEADERS.items() for argument in ("-H", f"{name}: {value}")]
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", script, *headers]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    [line] = [line for line in output.splitlines() if line.startswith("RESULT ")]
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[kind] for kind in ("connect", "read", "write", "timeout"))
    result["non_2xx"] = sum(
        count for status, count in result["statuses"].items() if not status.startswith("2")
    )
    return result


def targets(static_root):
    """(label, path) of each page type, the floor and a static file (its hashed name, as pages link it)."""
    from wagtail.models import Locale

    from home.models import HomePage
    from programmes.models import ProgrammePage
    from resources.library import public_library
    from resources.models import ResourcePage

    english = Locale.objects.get(language_code="en")
    publication = ResourcePage.objects.live().filter(locale=english).order_by("path").first()
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    return [
        ("floor: /robots.txt", "/robots.txt"),
        ("static file", "/static/" + manifest["paths"]["css/site.css"]),
        ("home", HomePage.objects.live().filter(locale=english).first().url),
        ("programme", ProgrammePage.objects.live().filter(locale=english).order_by("path").first().url),
        ("library", public_library(english).url),
        ("publication", publication.url),
        ("search", "/en/search/?q=defenders"),
        ("API route/", f"/api/v3/route/?path={publication.url}"),
    ]


def queries_per_request(path):
    """(queries with the fragments built afresh, queries with them cached), in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from website import content_version

    client = Client()
    client.get(path)  # per-process caches warm
    counts = []
    for fresh in (True, False):
        if fresh:
            content_version.changed()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        counts.append(len(captured))
    return tuple(counts)


def measure_size(label, database_url, static_root, script):
    """{target: {"queries", "uncached", "cached"}} for the database as it is now."""
    rows = {}
    paths = targets(static_root)
    for name, path in paths:
        rows[name] = {
            "path": path,
            "queries": queries_per_request(path) if name != "static file" else ("–", "–"),
        }
    workdir = Path(tempfile.mkdtemp(prefix="pi-bench-load-"))
    servers = Servers(database_url, static_root, workdir)
    try:
        for name, path in paths:
            for kind, port in (("uncached", servers.gunicorn_port), ("cached", servers.varnish_port)):
                if (name == "static file" and kind == "uncached") or (
                    name.startswith("floor") and kind == "cached"
                ):
                    continue
                if kind == "cached":
                    # An uncached run before left the backend saturated and Varnish's probe may
                    # have called it sick (then Varnish answers 503 for what it does not hold).
                    servers.wait_until_healthy()
                    load(port, path, script, seconds=3)  # fills the cache; the next run is measured
                rows[name][kind] = load(port, path, script)
                figures = rows[name][kind]
                print(
                    f"  {label}: {name} {kind}: {figures['rps']:.0f} req/s, p99 {figures['p99_ms']:.0f} ms, "
                    f"{figures['errors']} errors, {figures['non_2xx']} non-2xx, statuses {figures['statuses']}",
                    flush=True,
                )
    finally:
        servers.stop()
    return rows, servers.cache


def collect_static(database_url, root):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "collectstatic-only",
        "ALLOWED_HOSTS": HOST,
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
    )


def table(sizes):
    lines = []
    for label, rows, cache in sizes:
        floor = rows["floor: /robots.txt"]["uncached"]["rps"]
        static = rows["static file"]["cached"]["rps"]
        lines.append(f"\n{label} (application cache: {cache})\n")
        lines.append(
            "| request | queries (fresh / cached fragments) | uncached req/s | ÷ floor | p99 ms | errors | non-2xx "
            "| through Varnish req/s | ÷ static file | p99 ms | errors | non-2xx |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, row in rows.items():
            fresh, cached = row["queries"]
            cells = [name, f"{fresh} / {cached}"]
            for kind, base in (("uncached", floor), ("cached", static)):
                figures = row.get(kind)
                if figures is None:
                    cells += ["–"] * 5
                    continue
                cells += [
                    f"{figures['rps']:.0f}",
                    f"{figures['rps'] / base:.2f}×",
                    f"{figures['p99_ms']:.0f}",
                    str(figures["errors"]),
                    str(figures["non_2xx"]),
                ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("The load benchmark needs wrk: apt-get install -y wrk")
    if not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()):
        raise SystemExit("The load benchmark needs Varnish: apt-get install -y varnish")
    admin_url, url, name = search_bench.bench_database_url("pi_load_bench", "load")
    search_bench.create_database(admin_url, name)
    search_bench.setup_django(url)
    from django.core.management import call_command

    from resources.models import ResourcePage

    start = time.perf_counter()
    call_command("setup_roles", verbosity=0)
    call_command("load_demo", verbosity=0)
    search_bench.analyze()
    print(f"Demo loaded in {time.perf_counter() - start:.0f} s", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="pi-bench-load-"))
    static_root = workdir / "static"
    collect_static(url, static_root)
    script = workdir / "count.lua"
    script.write_text(WRK_SCRIPT)
    sizes = []
    label = f"Demo ({ResourcePage.objects.count()} publications)"
    sizes.append((label, *measure_size("demo", url, static_root, str(script))))
    if PUBLICATIONS:
        # Its figures count pages: a third of them in each language.
        seconds = search_bench.generate(PUBLICATIONS // 3)
        print(f"Added {PUBLICATIONS} publications in {seconds:.0f} s", flush=True)
        start = time.perf_counter()
        call_command("reindex", verbosity=0)
        search_bench.analyze()
        print(f"Indexed them in {time.perf_counter() - start:.0f} s", flush=True)
        from django.core.cache import cache

        cache.clear()  # the bulk writer sends no signal: this process's fragments are stale
        label = f"{ResourcePage.objects.count():,} publications"
        sizes.append((label, *measure_size("large", url, static_root, str(script))))
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n{search_bench.environment()}; gunicorn {WORKERS} workers, {CONNECTIONS} connections, "
        f"{SECONDS} s per run; load average at the end {load_average}."
    )
    print(table(sizes))
