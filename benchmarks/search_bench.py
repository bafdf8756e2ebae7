"""Search latency on PostgreSQL with 10,000 publications across en/fr/es.

Creates a throwaway database (pi_bench by default, on the server DATABASE_URL
points at), migrates it, generates publications with a publication record
per language, indexes them, then times the search the site runs
(search.query.run_search: backend query, facets, one page of results) and
prints p50/p95 per query. Nothing is asserted: the figures go in the README.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pi make bench
"""

import os
import random
import statistics
import time
from urllib.parse import urlparse, urlunparse

PUBLICATIONS = int(os.environ.get("BENCH_PUBLICATIONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
QUERIES = {
    "en": ["protection mechanisms", "human rights defenders", "A/RES/53/144", "national legislation"],
    "fr": ["mécanismes nationaux", "défenseuses des droits", "politiques publiques", "rapporteur spécial"],
    "es": ["mecanismos nacionales", "personas defensoras", "politicas publicas", "relatoría especial"],
}
WORDS = {
    "en": [
        "protection",
        "defenders",
        "rights",
        "national",
        "mechanism",
        "legislation",
        "policy",
        "risk",
        "community",
        "report",
        "manual",
    ],
    "fr": [
        "protection",
        "défenseurs",
        "défenseuses",
        "droits",
        "mécanismes",
        "nationaux",
        "législation",
        "politiques",
        "risque",
    ],
    "es": [
        "protección",
        "defensoras",
        "derechos",
        "mecanismos",
        "nacionales",
        "legislación",
        "políticas",
        "riesgo",
        "comunidad",
    ],
}


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("The search benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    parsed = urlparse(url)
    name = os.environ.get("BENCH_DATABASE", "pi_bench")
    return url, urlunparse(parsed._replace(path=f"/{name}")), name


def create_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(count):
    from django.db import transaction
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Locale

    from home.models import HomePage
    from resources.factories import ResourceIndexPageFactory, ResourceTypeFactory
    from resources.models import ResourcePage

    # Like a bulk import: no indexing per page while generating, one rebuild afterwards.
    post_save.disconnect(post_save_signal_handler, sender=ResourcePage)
    rng = random.Random(42)
    home = HomePage.objects.get(depth=2)
    kind = ResourceTypeFactory(name="Report", slug="report")
    per_language = count // 3
    with transaction.atomic():
        for language in ("en", "fr", "es"):
            locale = Locale.objects.get(language_code=language)
            library = ResourceIndexPageFactory(
                parent=home, title=f"Library {language}", slug=f"library-{language}"
            )
            library.locale = locale
            library.save()
            for number in range(per_language):
                words = WORDS[language]
                title = " ".join(rng.choice(words) for _ in range(6))
                summary = " ".join(rng.choice(words) for _ in range(40))
                if number % 1000 == 0:
                    print(f"  {language}: {number} publications", flush=True)
                library.add_child(
                    instance=ResourcePage(
                        title=f"{title} {number}",
                        slug=f"p-{language}-{number}",
                        summary=summary,
                        publication_date=f"{2000 + number % 25}-01-01",
                        resource_type=kind,
                        locale=locale,
                    )
                )


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main():
    admin_url, url, name = bench_database_url()
    create_database(admin_url, name)
    setup_django(url)
    from django.core.management import call_command

    from search.query import run_search

    start = time.perf_counter()
    generate(PUBLICATIONS)
    print(f"Generated {PUBLICATIONS} publications in {time.perf_counter() - start:.0f}s")
    start = time.perf_counter()
    call_command("reindex", verbosity=0)
    print(f"Indexed them in {time.perf_counter() - start:.0f}s")
    print(f"{'language':8} {'query':28} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for language, queries in QUERIES.items():
        for query in queries:
            outcome = run_search({"q": query}, language, record=False)
            p50, p95 = timed(lambda q=query, lang=language: run_search({"q": q}, lang, record=False), REPEAT)
            print(f"{language:8} {query:28} {outcome.total:>6} {p50:>8.1f} {p95:>8.1f}")
