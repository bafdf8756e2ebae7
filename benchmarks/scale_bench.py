"""Every page type and API endpoint at demo size and at 10,000 publications, side by side.

Creates a throwaway database (pi_scale_bench by default, on the server
DATABASE_URL points at), migrates it, loads the demo and times each public
page and API endpoint as an anonymous visitor through Django's test client.
Then it adds BENCH_PUBLICATIONS (10000) publications, each in English, French
and Spanish (30,000 pages: issue 19's size), with the search benchmark's bulk writer (benchmarks/search_bench.py),
indexes them (`manage.py reindex`, as after an import) and times the same
requests again. It prints, per request and per size: the median single-request
time, requests per second (one client, one after another: so this is 1000 ÷
the mean time), the SQL queries, how many of them repeat an earlier one of the
same request, and the database writes; then the sitemap's documents with their
size, URLs and time. Nothing is asserted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks scale

BENCH_PUBLICATIONS (10000), BENCH_REPEAT (10: timed runs of each request, fewer
when a request takes longer than BENCH_BUDGET seconds, 10, in all) and
BENCH_DATABASE (pi_scale_bench) change the size, the runs and the database.
Writing and indexing the 30,000 pages takes about 100 s (23 s + 77 s on the
build machine at a load average of 4), after the demo's 3 minutes:
BENCH_LARGE_FROM=<database> times the large size on a copy of an earlier
run's database instead (`CREATE DATABASE … TEMPLATE`, then this code's
migrations), which has the same publications, already indexed.
"""

import os
import re
import statistics
import time
from urllib.parse import urlparse

from benchmarks import search_bench

PUBLICATIONS = int(os.environ.get("BENCH_PUBLICATIONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "10"))
BUDGET = float(os.environ.get("BENCH_BUDGET", "10"))
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
SITEMAP_LOCATION = re.compile(r"<loc>([^<]+)</loc>")


def requests():
    """(label, URL) of every request timed: one of each page type, then the API's endpoints."""
    from wagtail.models import Locale

    from home.models import HomePage
    from programmes.models import ProgrammePage
    from resources.library import public_library
    from resources.models import ResourcePage

    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.live().filter(locale=english).first()
    library = public_library(english)
    programme = ProgrammePage.objects.live().filter(locale=english).order_by("path").first()
    # The one call that renders a French programme page (issue 14's closing note).
    french_programme = (
        ProgrammePage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    )
    # The demo's own publication, the same one at both sizes.
    publication = ResourcePage.objects.live().filter(locale=english).order_by("path").first()
    library_url = library.url
    return [
        ("home page", home.url),
        ("programme page", programme.url),
        ("publication page", publication.url),
        ("library", library_url),
        ("library ?q=defenders", f"{library_url}?q=defenders"),
        ("library ?type=report&sort=title", f"{library_url}?type=report&sort=title"),
        ("library feed", f"{library_url}feed/"),
        ("search page (fr)", "/fr/search/?q=d%C3%A9fenseurs"),
        ("search page (en), page 2", "/en/search/?q=defenders&page=2"),
        ("API route/ (publication)", f"/api/v3/route/?path={publication.url}"),
        ("API route/ (French programme)", f"/api/v3/route/?path={french_programme.url}"),
        ("API navigation/", "/api/v3/navigation/?locale=en"),
        ("API site/", "/api/v3/site/"),
        ("API library/", "/api/v3/library/?locale=en"),
        ("API library/?q=defenders", "/api/v3/library/?locale=en&q=defenders"),
        ("API search/ (fr)", "/api/v3/search/?locale=fr&q=d%C3%A9fenseurs"),
        ("API pages/", "/api/v3/pages/?locale=fr"),
        ("API library/ (If-None-Match)", ("/api/v3/library/?locale=en", "etag")),
        ("sitemap.xml", "/sitemap.xml"),
    ]


class Measure:
    """Times one request: median, requests per second, queries, repeats and writes."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **headers):
        response = self.client.get(url, **headers)
        if response.status_code not in (200, 304):
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return response

    def __call__(self, url):
        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext

        headers = {}
        if isinstance(url, tuple):  # a conditional request, with the ETag of a first answer
            url, _kind = url
            etag = self.get(url).get("ETag", "")
            headers = {"HTTP_IF_NONE_MATCH": etag}
        response = self.get(url, **headers)  # warm-up: templates, caches, first connections
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            self.get(url, **headers)
        sqls = [query["sql"] for query in captured.captured_queries]
        samples = []
        started = time.perf_counter()
        while len(samples) < REPEAT and (not samples or time.perf_counter() - started < BUDGET):
            start = time.perf_counter()
            self.get(url, **headers)
            samples.append((time.perf_counter() - start) * 1000)
        return {
            "ms": statistics.median(samples),
            "rps": 1000 * len(samples) / sum(samples),
            "queries": len(sqls),
            "repeated": len(sqls) - len(set(sqls)),
            "writes": sum(1 for sql in sqls if WRITES.match(sql)),
            "status": response.status_code,
            "bytes": len(response.content),
        }


def sitemap(measure):
    """[(path, bytes, URLs, ms)] of /sitemap.xml and, if it is an index, of each of its pages."""
    rows = []
    pending = ["/sitemap.xml"]
    while pending:
        path = pending.pop(0)
        result = measure(path)
        body = measure.get(path).content.decode()
        locations = SITEMAP_LOCATION.findall(body)
        rows.append((path, result["bytes"], len(locations), result["ms"], result["queries"]))
        if "<sitemapindex" in body:
            pending.extend(urlparse(location).path for location in locations)
    return rows


def time_site(label):
    from django.test import Client

    measure = Measure(Client())
    timings = {}
    for name, url in requests():
        timings[name] = measure(url)
        print(f"  {label}: {name} {timings[name]['ms']:.0f} ms", flush=True)
    return timings, sitemap(measure)


def ratio(before, after):
    return f"{after / before:.2f}×" if before else "–"


def main():
    admin_url, url, name = search_bench.bench_database_url("pi_scale_bench", "scale")
    search_bench.create_database(admin_url, name)
    search_bench.setup_django(url)
    from django.core.cache import cache
    from django.core.management import call_command
    from wagtail.models import Page

    from resources.models import ResourcePage

    start = time.perf_counter()
    call_command("setup_roles", verbosity=0)
    call_command("load_demo", verbosity=0)
    print(f"Demo loaded in {time.perf_counter() - start:.0f} s", flush=True)
    search_bench.analyze()
    sizes = [(f"demo ({ResourcePage.objects.count()} publications)", *time_site("demo"))]
    if os.environ.get("BENCH_LARGE_FROM"):
        search_bench.copy_database(admin_url, os.environ["BENCH_LARGE_FROM"], f"{name}_large")
        cache.clear()
        sizes.append((f"{ResourcePage.objects.count():,} publications", *time_site("large")))
    elif PUBLICATIONS:
        seconds = search_bench.generate(PUBLICATIONS)
        print(f"Added {PUBLICATIONS} publications in {seconds:.0f} s", flush=True)
        start = time.perf_counter()
        call_command("reindex", verbosity=0)
        print(f"Indexed them in {time.perf_counter() - start:.0f} s", flush=True)
        search_bench.analyze()
        # What a publish does to the caches: the bulk writer sends no signal.
        cache.clear()
        sizes.append((f"{ResourcePage.objects.count():,} publications", *time_site("large")))

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n{search_bench.environment()}; {Page.objects.count()} pages at the end, "
        f"up to {REPEAT} runs per request; load average {load}.\n"
    )
    (small, small_times, small_map), *rest = sizes
    large, large_times, large_map = rest[0] if rest else (small, small_times, small_map)
    print(
        f"| request | {small}: ms | req/s | queries (repeated) | {large}: ms | req/s "
        "| queries (repeated) | time ÷ demo | writes |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for request, before in small_times.items():
        after = large_times[request]
        status = "" if after["status"] == 200 else f" ({after['status']})"
        print(
            f"| {request}{status} | {before['ms']:.0f} | {before['rps']:.1f} | "
            f"{before['queries']} ({before['repeated']}) | {after['ms']:.0f} | {after['rps']:.1f} | "
            f"{after['queries']} ({after['repeated']}) | {ratio(before['ms'], after['ms'])} | "
            f"{max(before['writes'], after['writes'])} |"
        )
    print("\n| size | sitemap document | bytes | URLs | ms | queries |")
    print("|---|---|---:|---:|---:|---:|")
    for size, rows in ((small, small_map), (large, large_map)):
        for path, size_bytes, urls, ms, queries in rows:
            print(f"| {size} | {path} | {size_bytes:,} | {urls:,} | {ms:.0f} | {queries} |")
