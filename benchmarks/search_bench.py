"""Search latency on PostgreSQL with 10,000 publications in each of en/fr/es (issue 15).

Creates a throwaway database (pi_bench by default, on the server DATABASE_URL
points at), migrates it and generates a library the way the site holds one:
BENCH_PUBLICATIONS English publications, each translated into French and
Spanish (same translation key, facts read from the English page), with UN
symbols, ISBNs, a type, topics and, for one in ten, PDF text per language.
Texts are drawn from phrases about the site's subjects in each language, so
every timed query has hits. Pages are written in bulk (no signals, like an
import), then `manage.py reindex` indexes them: at the default size (30,066
publication pages) 23 s of writing and 77 s of indexing on the build machine
(2 cores, load average 4). Each query is then run the way the site runs it
(search.query.run_search: backend query, promotions, facets, one page of
results with snippets) and its hits, p50 and p95 are printed as a Markdown
table for the README, then p50/p95 over 50 varied queries per language.
Nothing is asserted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks search

BENCH_PUBLICATIONS (10000 per language), BENCH_REPEAT (20), BENCH_LATENCY_REPEAT (3)
and BENCH_DATABASE (pi_bench) change the size, the number of timed runs and the
database. BENCH_LARGE_FROM=<database> searches a copy of an earlier run's database
(the scale benchmark's, say: `CREATE DATABASE … TEMPLATE`, then this code's
migrations) instead of generating and indexing again.
"""

import datetime
import os
import platform
import random
import statistics
import time
import uuid
from urllib.parse import urlparse, urlunparse

PUBLICATIONS = int(os.environ.get("BENCH_PUBLICATIONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
LATENCY_REPEAT = int(os.environ.get("BENCH_LATENCY_REPEAT", "3"))
BATCH = 1000
LANGUAGES = ("en", "fr", "es")

QUERIES = {
    "en": [
        "protection mechanisms",
        "human rights defenders",
        "A/RES/53/144",
        "A/RES/53",
        "national legislation",
        "women defenders",
    ],
    "fr": [
        "mécanismes nationaux",
        "défenseuses des droits",
        "défenseur·e·s",
        "politiques publiques",
        "rapporteur spécial",
        "A/RES/53/144",
    ],
    "es": [
        "mecanismos nacionales",
        "personas defensoras",
        "politicas publicas",
        "relatoría especial",
        "defensores/as",
        "978-2-930539-41-6",
    ],
}

# Phrases about the site's subjects, the same idea in each language, with how
# often a publication's summary uses each (so queries range from rare to common).
PHRASES = [
    (
        0.40,
        "human rights defenders",
        "défenseurs des droits humains",
        "personas defensoras de derechos humanos",
    ),
    (
        0.15,
        "women human rights defenders",
        "défenseuses des droits humains",
        "defensoras de derechos humanos",
    ),
    (
        0.15,
        "national protection mechanisms",
        "mécanismes nationaux de protection",
        "mecanismos nacionales de protección",
    ),
    (0.12, "public policies", "politiques publiques", "políticas públicas"),
    (0.10, "national legislation", "législation nationale", "legislación nacional"),
    (0.05, "the UN Special Rapporteur", "le rapporteur spécial de l'ONU", "la Relatoría Especial de la ONU"),
    (0.20, "risk assessment", "analyse des risques", "análisis de riesgos"),
    (0.20, "collective protection", "protection collective", "protección colectiva"),
    (
        0.10,
        "criminalisation of defenders",
        "criminalisation des défenseurs",
        "criminalización de personas defensoras",
    ),
    (
        0.15,
        "land and environmental defenders",
        "défenseurs de la terre et de l'environnement",
        "defensores de la tierra y el territorio",
    ),
    (0.10, "security plans", "plans de sécurité", "planes de seguridad"),
    (0.08, "the EU Guidelines", "les Orientations de l'UE", "las Directrices de la UE"),
]
FILLER = {
    "en": (
        "this report looks at how states communities and organisations respond to threats against "
        "people who defend rights in rural and urban areas with case studies recommendations and "
        "lessons learnt from several countries over ten years of work"
    ),
    "fr": (
        "ce rapport examine comment les États les communautés et les organisations répondent aux "
        "menaces contre celles et ceux qui défendent les droits dans les zones rurales et urbaines "
        "avec des études de cas des recommandations et des leçons tirées de plusieurs pays"
    ),
    "es": (
        "este informe analiza cómo los Estados las comunidades y las organizaciones responden a las "
        "amenazas contra quienes defienden derechos en zonas rurales y urbanas con estudios de caso "
        "recomendaciones y lecciones aprendidas en varios países durante diez años"
    ),
}
TAXONOMY = {
    "type": [("report", "Report", "Rapport", "Informe"), ("manual", "Manual", "Manuel", "Manual")],
    "topic": [
        ("public-policies", "Public policies", "Politiques publiques", "Políticas públicas"),
        ("collective-protection", "Collective protection", "Protection collective", "Protección colectiva"),
        ("criminalisation", "Criminalisation", "Criminalisation", "Criminalización"),
        ("women-defenders", "Women defenders", "Défenseuses", "Defensoras"),
    ],
}


def bench_database_url(default_name="pi_bench", benchmark="search"):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit(f"The {benchmark} benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    parsed = urlparse(url)
    name = os.environ.get("BENCH_DATABASE", default_name)
    return url, urlunparse(parsed._replace(path=f"/{name}")), name


def create_database(admin_url, name, template=None):
    """A new, empty database `name`, or a copy of the database `template` (an earlier run's)."""
    import psycopg

    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"{copy}')


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sentence(rng, language, count):
    """`count` phrases, each chosen by its frequency, among filler words."""
    column = 1 + LANGUAGES.index(language)
    chosen = [phrase[column] for phrase in PHRASES if rng.random() < phrase[0]][:count]
    words = []
    for phrase in chosen or [PHRASES[0][column]]:
        words.extend(rng.sample(FILLER[language].split(), 6))
        words.append(phrase)
    return " ".join(words).capitalize() + "."


def taxonomy(model, entries, locales):
    """The English snippets and their translations; {slug: English snippet}.

    A label the site already has (the demo's "report") is used as it is.
    """
    english = {}
    for slug, *names in entries:
        existing = model.objects.filter(locale=locales["en"], slug=slug).first()
        if existing is not None:
            english[slug] = existing
            continue
        key = uuid.uuid4()
        for language, name in zip(LANGUAGES, names, strict=True):
            item = model.objects.create(locale=locales[language], slug=slug, name=name, translation_key=key)
            if language == "en":
                english[slug] = item
    return english


def translate(page, locale, slug):
    """A published translation of `page`, as the admin makes one (its parent already translated)."""
    translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    translation.slug = slug
    translation.save_revision().publish()
    return translation


def libraries(home, locales):
    """The library page in each language, translations of one another (the site's own if it has them)."""
    from resources.models import ResourceIndexPage

    english = ResourceIndexPage.objects.child_of(home).first()
    if english is None:
        english = home.add_child(
            instance=ResourceIndexPage(title="Resources", slug="resources", locale=locales["en"])
        )
        english.save_revision().publish()
    pages = {"en": english}
    for language in ("fr", "es"):
        pages[language] = english.get_translation_or_none(locales[language])
        if pages[language] is None:
            if home.get_translation_or_none(locales[language]) is None:
                translate(home, locales[language], f"home-{language}")
            pages[language] = translate(english, locales[language], f"library-{language}")
    return pages


def next_child_step(parent):
    """The tree position after the parent's last child, so bulk pages go below what is there."""
    from wagtail.models import Page

    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    return 1 if last is None else Page._str2int(last.path[-Page.steplen :]) + 1


def generate(count):
    """Bulk-write `count` publications, each in English, French and Spanish (3 × `count` pages);
    returns the seconds taken.

    On an empty site it makes the library pages too; on one with content (the
    admin benchmark's demo) the publications join its library, after its own.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from wagtail.models import Collection, Locale, Page

    from home.models import HomePage
    from resources.models import ResourceFile, ResourceIdentifier, ResourcePage, ResourceType, Topic
    from website.models import CustomDocument

    rng = random.Random(42)
    start = time.perf_counter()
    sources = count
    with transaction.atomic():
        locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
        home = HomePage.objects.get(depth=2, locale=locales["en"])
        library = libraries(home, locales)
        types = taxonomy(ResourceType, TAXONOMY["type"], locales)
        topics = taxonomy(Topic, TAXONOMY["topic"], locales)
        content_type = ContentType.objects.get_for_model(ResourcePage)
        now = datetime.datetime.now(datetime.UTC)
        keys = [uuid.uuid4() for _ in range(sources)]
        facts = {}
        for language in LANGUAGES:
            parent = Page.objects.get(pk=library[language].pk)
            first_step = next_child_step(parent)
            pages = []
            for number in range(sources):
                title = f"{sentence(rng, language, 2)[:-1]} {number}"
                slug = f"publication-{number}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(parent.path, parent.depth + 1, first_step + number),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        locale=locales[language],
                        translation_key=keys[number],
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            for begin in range(0, len(pages), BATCH):
                created = Page.objects.bulk_create(pages[begin : begin + BATCH])
                ResourcePage._base_manager._insert(
                    [
                        ResourcePage(
                            page_ptr_id=page.pk,
                            summary=sentence(rng, language, 5),
                            publication_date=datetime.date(2000 + number % 25, 1 + number % 12, 1),
                            resource_type_id=types["report" if number % 4 else "manual"].pk,
                            publisher="Protection International",
                        )
                        for number, page in enumerate(created, start=begin)
                    ],
                    fields=ResourcePage._meta.local_concrete_fields,
                )
                if language == "en":
                    facts.update({number: page.pk for number, page in enumerate(created, start=begin)})
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + sources)
            print(f"  {language}: {sources} publications", flush=True)

        # Facts, on the English pages only (translations read them from there).
        identifiers, topic_rows = [], []
        through = ResourcePage.topics.through
        for number, page_id in facts.items():
            symbol = "A/RES/53/144" if number == 0 else f"A/RES/{40 + number % 39}/{1 + number % 300}"
            identifiers.append(
                ResourceIdentifier(page_id=page_id, scheme="un-symbol", value=symbol, sort_order=0)
            )
            if number % 5 == 0:
                isbn = (
                    "978-2-930539-41-6"
                    if number == 5
                    else f"978-2-{930000 + number}-{number % 90 + 10}-{number % 9}"
                )
                identifiers.append(
                    ResourceIdentifier(page_id=page_id, scheme="isbn", value=isbn, sort_order=1)
                )
            for slug in rng.sample(list(topics), rng.randint(1, 2)):
                topic_rows.append(through(resourcepage_id=page_id, topic_id=topics[slug].pk))
        ResourceIdentifier.objects.bulk_create(identifiers, batch_size=BATCH)
        through.objects.bulk_create(topic_rows, batch_size=BATCH)

        # PDF text in each language for one publication in ten.
        root = Collection.get_first_root_node()
        documents, owners = [], []
        for number, page_id in facts.items():
            if number % 10:
                continue
            for language in LANGUAGES:
                text = " ".join(sentence(rng, language, 8) for _ in range(6))
                documents.append(
                    CustomDocument(
                        title=f"Publication {number} ({language})",
                        file=f"documents/bench-{number}-{language}.pdf",
                        collection=root,
                        extracted_text=text,
                        file_hash="",
                    )
                )
                owners.append((page_id, language))
        documents = CustomDocument.objects.bulk_create(documents, batch_size=BATCH)
        ResourceFile.objects.bulk_create(
            [
                ResourceFile(page_id=page_id, document_id=document.pk, language=language, sort_order=0)
                for (page_id, language), document in zip(owners, documents, strict=True)
            ],
            batch_size=BATCH,
        )
    return time.perf_counter() - start


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(len(samples) * 0.95) - 1)]


def resource_page_model():
    from resources.models import ResourcePage

    return ResourcePage


def match_count(query, language):
    """Every matching page, beyond the MAX_HITS most relevant that the site pages through."""
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from search.query import backend_query, candidate_pages

    locale = Locale.objects.get(language_code=language)
    return (
        get_search_backend(language).search(backend_query(query, language), candidate_pages(locale)).count()
    )


# Queries that are not phrases of the generated text: symbols, synonyms, typos, countries,
# nothing at all, and a 10 KB paste (cut to 200 characters, its spelling bounded).
EXTRA_QUERIES = {
    "en": [
        "A/RES/60/12",
        "ISBN 978-2-930539-41-6",
        "HRD",
        "EU Guidelines",
        "criminalization",
        "protection polcy",
        "specal raporteur",
        "Thailand",
        "zzqx wvvy",
        "report " * 1500,
    ],
    "fr": [
        "A/RES/60/12",
        "DDH",
        "lignes directrices UE",
        "criminalization",
        "politque de protection",
        "rapoteur spcial",
        "Thaïlande",
        "défenseur·e·s",
        "zzqx wvvy",
        "rapport " * 1300,
    ],
    "es": [
        "A/RES/60/12",
        "DDH",
        "Directrices de la UE",
        "criminalizacion",
        "politca integral",
        "relatorai especail",
        "Tailandia",
        "defensores/as",
        "zzqx wvvy",
        "informe " * 1300,
    ],
}
VARIED_QUERIES = 50


def varied_queries(language):
    """50 different queries: the timed ones, the extra ones, then phrases, their halves and words."""
    column = 1 + LANGUAGES.index(language)
    phrases = [phrase[column] for phrase in PHRASES]
    halves = [" ".join(phrase.split()[: max(1, len(phrase.split()) // 2)]) for phrase in phrases]
    words = [word for phrase in phrases for word in phrase.split() if len(word) > 3]
    queries = QUERIES[language] + EXTRA_QUERIES[language] + phrases + halves + words
    return list(dict.fromkeys(queries))[:VARIED_QUERIES]


def latency(language, repeat):
    """(p50, p95) in ms of run_search over the language's varied queries, each run `repeat` times."""
    from search.query import run_search

    samples = []
    for _ in range(repeat):
        for query in varied_queries(language):
            start = time.perf_counter()
            run_search({"q": query}, language, record=False)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return len(samples), statistics.median(samples), samples[max(0, round(len(samples) * 0.95) - 1)]


def analyze():
    """Fresh planner statistics, as autovacuum keeps them on a live site after a bulk import."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def environment():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return (
        f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, PostgreSQL {version}"
    )


def copy_database(admin_url, template, name):
    """Go on in a fresh copy of `template` (an earlier run's data set), migrated to this code."""
    import psycopg
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    connections["default"].close()
    connections["default"].settings_dict["NAME"] = name
    ContentType.objects.clear_cache()
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    analyze()
    print(f"Copied {template} and migrated it in {time.perf_counter() - start:.0f} s", flush=True)


def main():
    admin_url, url, name = bench_database_url()
    template = os.environ.get("BENCH_LARGE_FROM")
    create_database(admin_url, name, template)
    setup_django(url)  # migrated: a copy gets this code's newer migrations only
    from django.core.management import call_command
    from wagtail.models import Page

    if template:
        analyze()
        print(f"Copied {template}", flush=True)
    else:
        seconds = generate(PUBLICATIONS)
        print(f"Generated {PUBLICATIONS} publications in three languages in {seconds:.0f} s")
        start = time.perf_counter()
        call_command("reindex", verbosity=0)
        print(f"Indexed them in {time.perf_counter() - start:.0f} s")
        analyze()
    from search.query import run_search

    count = Page.objects.type(resource_page_model()).count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{environment()}; {count} publications, {REPEAT} runs per query; load average {load}.\n")
    print("| language | query | matches | results | p50 (ms) | p95 (ms) |")
    print("|---|---|---:|---:|---:|---:|")
    for language, queries in QUERIES.items():
        for query in queries:
            total = run_search({"q": query}, language, record=False).total
            matches = match_count(query, language)
            p50, p95 = timed(lambda q=query, lang=language: run_search({"q": q}, lang, record=False), REPEAT)
            print(f"| {language} | {query} | {matches} | {total} | {p50:.0f} | {p95:.0f} |", flush=True)
    print(
        f"\n{VARIED_QUERIES} varied queries per language (search_bench.varied_queries), {LATENCY_REPEAT} runs each:\n"
    )
    print("| language | searches | p50 (ms) | p95 (ms) |")
    print("|---|---:|---:|---:|")
    for language in LANGUAGES:
        count, p50, p95 = latency(language, LATENCY_REPEAT)
        print(f"| {language} | {count} | {p50:.0f} | {p95:.0f} |", flush=True)
