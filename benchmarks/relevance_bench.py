"""Relevance of search on the demo content: MRR, top-1 and top-3 per language and backend.

Runs the relevance set (search/relevance_set/, read by search/relevance.py) against
the demo site on each backend that can run here, each in a process of its own on a
throwaway database:

- sqlite: the database backend on SQLite FTS5 (a temporary file);
- postgresql: the database backend on PostgreSQL full text (BENCH_RELEVANCE_DATABASE,
  pi_bench_relevance by default, on the server DATABASE_URL points at), when
  DATABASE_URL is a postgres:// URL;
- elasticsearch/opensearch: when ELASTICSEARCH_URL or OPENSEARCH_URL is set (the
  demo is indexed there under the "pi-bench" prefix), with the PostgreSQL database.

It prints a Markdown table, then each failing case. Nothing is asserted: the suite
asserts the floor (tests/search/test_relevance_set.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks relevance
"""

import os
import subprocess
import sys
import tempfile
import time

from benchmarks import search_bench


def backends():
    names = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        names.append("postgresql")
        if os.environ.get("ELASTICSEARCH_URL"):
            names.append("elasticsearch")
        elif os.environ.get("OPENSEARCH_URL"):
            names.append("opensearch")
    return names


def load_demo():
    from django.core.management import call_command
    from django.db import transaction

    from search.tasks import extract_document_text
    from website.models import CustomDocument

    start = time.perf_counter()
    with transaction.atomic():
        call_command("load_demo", verbosity=0)
    for document_id in CustomDocument.objects.values_list("pk", flat=True):
        extract_document_text.call(document_id)
    return time.perf_counter() - start


def run_backend(backend):
    """Set up `backend`'s database, load the demo and print its rows (one process per backend)."""
    if backend == "sqlite":
        path = os.path.join(tempfile.mkdtemp(prefix="pi-relevance-"), "relevance.sqlite3")
        for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL"):
            os.environ.pop(name, None)
        search_bench.setup_django(f"sqlite:///{path}")
    else:
        os.environ["BENCH_DATABASE"] = os.environ.get("BENCH_RELEVANCE_DATABASE", "pi_bench_relevance")
        admin_url, url, name = search_bench.bench_database_url("pi_bench_relevance", "relevance")
        search_bench.create_database(admin_url, name)
        if backend == "postgresql":
            for variable in ("ELASTICSEARCH_URL", "OPENSEARCH_URL"):
                os.environ.pop(variable, None)
        search_bench.setup_django(url)
    from search import relevance

    seconds = load_demo()
    print(f"<!-- {backend}: demo loaded in {seconds:.0f} s -->", file=sys.stderr, flush=True)
    all_scores = [relevance.evaluate(language) for language in relevance.languages()]
    for line in relevance.report(all_scores, backend):
        print(line, flush=True)
    for scores in all_scores:
        for outcome in scores.failures:
            print(
                f"FAIL {backend} {scores.language} {outcome.case.query!r}: expected "
                f"{'first' if outcome.case.must_be_first else 'top 3'} {outcome.case.expected[0]}, "
                f"rank {outcome.rank}; got {outcome.titles}",
                file=sys.stderr,
                flush=True,
            )


def main():
    print("| backend | language | cases | MRR | top-1 | top-3 | failing |")
    print("|---|---|---:|---:|---:|---:|---:|", flush=True)
    for backend in backends():
        subprocess.run([sys.executable, "-m", "benchmarks.relevance_bench", backend], check=True)


if __name__ == "__main__":
    run_backend(sys.argv[1])
