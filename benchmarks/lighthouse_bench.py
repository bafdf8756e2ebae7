"""Lighthouse scores of the public page types in every language, served by the production setup.

Issue 13 asks for 95 or more in performance, accessibility, best practices and SEO
(Lighthouse's mobile defaults: a phone-sized screen and simulated slow 4G and CPU)
on the home page, a programme, the library, a publication, a news item, an event
and the contact page, in each language. This reports them; it asserts nothing.

1. The demo is loaded (development settings, which allow it) into a throwaway
   SQLite database, BENCH_DATABASE (benchmarks/results/lighthouse.sqlite3), made once
   and reused; delete it to start again.
2. `make serve` serves it with the production settings (gunicorn, WhiteNoise with
   compressed static files) on 127.0.0.1:BENCH_PORT+1. Production redirects plain
   HTTP to HTTPS unless its TLS proxy says the visitor came over HTTPS: a small proxy
   on BENCH_PORT (8090) stands in for it, adding `X-Forwarded-Proto: https` to every
   request (the page's, and robots.txt's, which Lighthouse fetches on its own), and
   serving /media/ from MEDIA_ROOT as the production web server does (gunicorn does not).
3. Lighthouse (npm, pinned in benchmarks/lighthouse/package.json, installed there on
   the first run) runs each page in Debian's Chromium (CHROME_PATH, /usr/bin/chromium).

It prints a Markdown table (performance / accessibility / best practices / SEO per
language) and, for each score under 95, the audits that cost points. The JSON reports
are kept in benchmarks/results/lighthouse/.

    make bench BENCH_ARGS=lighthouse
"""

import http.client
import json
import mimetypes
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media")).resolve()
LIGHTHOUSE_DIR = BASE_DIR / "benchmarks" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = BASE_DIR / "benchmarks" / "results" / "lighthouse"
DATABASE = Path(os.environ.get("BENCH_DATABASE", BASE_DIR / "benchmarks" / "results" / "lighthouse.sqlite3"))
PORT = int(os.environ.get("BENCH_PORT", "8090"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LANGUAGES = ("en", "fr", "es")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
# (kind, app label, model): the first live page of each in each language.
PAGE_TYPES = (
    ("home", "home", "HomePage"),
    ("programme", "programmes", "ProgrammePage"),
    ("library", "resources", "ResourceIndexPage"),
    ("publication", "resources", "ResourcePage"),
    ("news item", "news", "NewsPage"),
    ("event", "events", "EventPage"),
    ("contact", "pages", "ContactPage"),
)


def run(command, **kwargs):
    subprocess.run(command, check=True, cwd=BASE_DIR, **kwargs)


def development_env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
    }


def prepare_database():
    if DATABASE.exists():
        return
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    print(f"Loading the demo into {DATABASE} …", flush=True)
    env = development_env()
    python = sys.executable
    run([python, "manage.py", "migrate", "-v0"], env=env)
    run([python, "manage.py", "load_demo", "-v0"], env=env)


def page_urls():
    """{(kind, language): path}, read with the development settings from the bench database."""
    script = (
        "import json, django; django.setup()\n"
        "from django.apps import apps\n"
        f"types = {list(PAGE_TYPES)!r}\n"
        "found = {}\n"
        f"for language in {list(LANGUAGES)!r}:\n"
        "    for kind, app, model in types:\n"
        "        page = (apps.get_model(app, model).objects.live().public()\n"
        "                .filter(locale__language_code=language).order_by('path').first())\n"
        "        if page is not None:\n"
        "            found[f'{kind}|{language}'] = page.url\n"
        "print(json.dumps(found))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        cwd=BASE_DIR,
        env=development_env(),
        capture_output=True,
        text=True,
    ).stdout
    return {tuple(key.split("|")): path for key, path in json.loads(output.strip().splitlines()[-1]).items()}


HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class TlsProxyStandIn(BaseHTTPRequestHandler):
    """Forwards GET and HEAD to the application as a TLS-terminating proxy would."""

    protocol_version = "HTTP/1.1"

    def serve_media(self):
        path = (MEDIA_ROOT / self.path.split("?")[0].removeprefix("/media/")).resolve()
        if not path.is_file() or MEDIA_ROOT not in path.parents:
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=31536000")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def forward(self):
        if self.path.startswith("/media/"):
            self.serve_media()
            return
        upstream = http.client.HTTPConnection("127.0.0.1", PORT + 1, timeout=60)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_BY_HOP}
        headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"})
        upstream.request(self.command, self.path, headers=headers)
        response = upstream.getresponse()
        body = response.read()
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        upstream.close()

    do_GET = do_HEAD = forward

    def log_message(self, format, *args):  # gunicorn logs the requests already
        pass


def start_proxy():
    proxy = ThreadingHTTPServer(("127.0.0.1", PORT), TlsProxyStandIn)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    return proxy


def start_server():
    base = f"http://127.0.0.1:{PORT}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "smtp://127.0.0.1:25",  # required; nothing is mailed while it runs
        "SITE_BASE_URL": base,  # canonical URLs on the address Lighthouse reads
        "BIND": f"127.0.0.1:{PORT + 1}",
        "TWO_FACTOR_REQUIRED": "0",
    }
    server = subprocess.Popen(["make", "serve"], cwd=BASE_DIR, env=env, start_new_session=True)
    deadline = time.monotonic() + 600  # collectstatic compresses every file the first time
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"make serve stopped ({server.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT + 1}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server, base
        except OSError:
            time.sleep(2)
    stop_server(server)
    raise SystemExit("make serve did not answer /healthz in time")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], check=True, cwd=LIGHTHOUSE_DIR
        )


def lighthouse(url, report):
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    data = json.loads(report.read_text())
    # A category whose audit could not run has no score (None): shown as such, not as 0.
    scores = {
        name: None
        if data["categories"][name]["score"] is None
        else round(100 * data["categories"][name]["score"])
        for name in CATEGORIES
    }
    errors = [
        f"{ref['id']} could not run: {data['audits'][ref['id']].get('errorMessage')}"
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and data["audits"][ref["id"]].get("scoreDisplayMode") == "error"
    ]
    losses = [
        f"{name}: {audit_id} ({data['audits'][audit_id].get('displayValue') or data['audits'][audit_id]['score']})"
        for name in CATEGORIES
        if scores[name] is not None and scores[name] < TARGET
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"])
        and data["audits"][audit_id]["score"] is not None
        and data["audits"][audit_id]["score"] < 1
    ]
    return scores, losses + errors


def main():
    ensure_lighthouse()
    prepare_database()
    paths = page_urls()
    RESULTS.mkdir(parents=True, exist_ok=True)
    server, base = start_server()
    proxy = start_proxy()
    results, notes = {}, []
    try:
        for kind, _app, _model in PAGE_TYPES:
            for language in LANGUAGES:
                path = paths.get((kind, language))
                if path is None:
                    continue
                report = RESULTS / f"{kind.replace(' ', '-')}-{language}.json"
                try:
                    scores, losses = lighthouse(base + path, report)
                except subprocess.CalledProcessError:
                    # Lighthouse sometimes loses its trace (NO_NAVSTART) on a busy machine: once more.
                    try:
                        scores, losses = lighthouse(base + path, report)
                    except subprocess.CalledProcessError as error:
                        notes.append(f"{kind} ({language}): Lighthouse failed twice ({error.returncode})")
                        continue
                results[(kind, language)] = scores
                notes += [f"{kind} ({language}) {loss}" for loss in losses]
                print(f"{kind:12} {language} {scores}", flush=True)
    finally:
        proxy.shutdown()
        stop_server(server)
    print(
        "\nLighthouse (mobile, simulated throttling), performance / accessibility / best practices / SEO:\n"
    )
    print("| Page | " + " | ".join(LANGUAGES) + " |")
    print("|---|" + "---|" * len(LANGUAGES))
    for kind, _app, _model in PAGE_TYPES:
        cells = []
        for language in LANGUAGES:
            scores = results.get((kind, language))
            cells.append(
                " / ".join("–" if scores[name] is None else str(scores[name]) for name in CATEGORIES)
                if scores
                else "–"
            )
        print(f"| {kind} | " + " | ".join(cells) + " |")
    below = [
        key
        for key, scores in results.items()
        if any(score is None or score < TARGET for score in scores.values())
    ]
    print(f"\n{len(results) - len(below)} of {len(results)} pages score {TARGET} or more in every category.")
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
