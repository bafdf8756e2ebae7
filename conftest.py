import sqlite3
from contextlib import contextmanager

import dj_database_url
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Model
from wagtail.models import Locale

from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from translations.roles import setup_roles
from website.backups import sqlite_copy
from website.settings import env


def translate_page(page, language, **fields):
    """A published translation of `page`, made the way Wagtail's admin makes one."""
    locale = Locale.objects.get(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


@pytest.fixture
def home():
    return HomePage.objects.get(depth=2, locale__language_code="en")


def clear_all_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@contextmanager
def built_once(django_db_blocker):
    """A block for a module's shared test data, rolled back when the module ends.

    Each test still runs in its own savepoint inside it, so what a test writes is
    undone after it; what it changes on the Python objects is not, so tests get
    fresh copies (`reloaded`). Caches go first: they may hold rows an earlier
    module rolled back, whose ids are about to be reused.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        clear_all_caches()
        yield
        transaction.set_rollback(True)


def extract_document_texts():
    """What the upload tasks do once their transaction commits (search reads the PDFs' text)."""
    from search.tasks import extract_document_text
    from website.models import CustomDocument

    for document_id in CustomDocument.objects.values_list("pk", flat=True):
        extract_document_text.call(document_id)


class DemoSnapshot:
    """The demo site loaded once per session, then copied in and out of the test database.

    Loading the demo takes about 25 CPU-seconds; copying a SQLite database with its
    backup API takes a fraction of one. The copy is loaded outside any transaction,
    so the commit hooks (PDF text extraction) run as they do after `make run`. The
    files it wrote stay in the session's temporary media root.
    """

    copy = None

    @classmethod
    @contextmanager
    def loaded(cls):
        with sqlite_put_back():
            if cls.copy is None:
                call_command("load_demo", verbosity=0)
                cls.copy = sqlite3.connect(":memory:")
                sqlite_copy(connection.connection, cls.copy)
            else:
                sqlite_copy(cls.copy, connection.connection)
                forget_cached_rows()
            yield


@contextmanager
def sqlite_put_back():
    """The SQLite database as it was before, put back by a byte copy (SQLite's backup API).

    Not serialized rows: not every demo row survives a serialization round trip.
    """
    connection.ensure_connection()
    before = sqlite3.connect(":memory:")
    sqlite_copy(connection.connection, before)
    try:
        yield
    finally:
        sqlite_copy(before, connection.connection)
        before.close()
        forget_cached_rows()


def forget_cached_rows():
    clear_all_caches()
    ContentType.objects.clear_cache()


@contextmanager
def demo_site(django_db_blocker, committed=False):
    """The demo content, as `make run` loads it, for a module's (or package's) tests; gone after them.

    On SQLite it is a copy of the session's one load. On PostgreSQL it is loaded in a
    transaction rolled back at the end or, `committed` (for a live server, which has a
    connection of its own), loaded for real into a database put back afterwards.
    """
    if connection.vendor == "sqlite":
        with django_db_blocker.unblock(), DemoSnapshot.loaded():
            yield
    elif not committed:
        with built_once(django_db_blocker):
            call_command("load_demo", verbosity=0)
            extract_document_texts()
            yield
    else:
        with committing(django_db_blocker):
            call_command("load_demo", verbosity=0)
            yield


@contextmanager
def committing(django_db_blocker):
    """Writes committed for a live server or another process to read; the database as it was, after.

    Unblocked throughout: a live server's thread reads the database while the tests run.
    """
    with django_db_blocker.unblock():
        put_back = postgres_put_back if connection.vendor == "postgresql" else sqlite_put_back
        with put_back():
            yield


@contextmanager
def postgres_put_back():
    """PostgreSQL: a copy of the database (CREATE DATABASE … TEMPLATE) takes its place after.

    Not serialized rows, as Django's `serialized_rollback`: they collide with the rows that
    receivers write while they come back (content types, audit entries), and the flush
    before them resets the id sequences below the restored rows' ids.
    """
    name = connection.settings_dict["NAME"]
    copy = f"{name}_before"
    connection.close()
    # Django's own connection to the maintenance database, as the test database's creation uses.
    with connection._nodb_cursor() as server:
        # A template must have no session: end any a finished thread left open (the live
        # server's, a task's) before the copy.
        server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        server.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        server.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    try:
        yield
    finally:
        connection.close()
        with connection._nodb_cursor() as server:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            server.execute(f'ALTER DATABASE "{copy}" RENAME TO "{name}"')
        forget_cached_rows()


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The test database, even when only tests that cannot be marked `django_db` run.

    pytest-django creates it only if a collected test is marked `django_db`, and tests
    whose data a live server or a separate process reads cannot be (the browser tests,
    tests/deploy): their writes must be committed. Kept between runs, as `--reuse-db`
    keeps pytest-django's.
    """
    from django.test.utils import setup_databases, teardown_databases

    # Set up already when the connection no longer names DATABASE_URL's database
    # (`_get_test_db_name()` cannot tell: on PostgreSQL it prefixes the test name again).
    if connection.settings_dict["NAME"] != dj_database_url.parse(env.DATABASE_URL)["NAME"]:
        yield
        return
    keepdb = django_db_keepdb and not django_db_createdb  # --reuse-db, unless --create-db
    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, keepdb=keepdb, aliases={connection.alias})
    yield
    with django_db_blocker.unblock():
        teardown_databases(created, verbosity=0, keepdb=keepdb)


def queries_of_a_fresh_render(client, url):
    """The SQL queries a GET of `url` runs with its page's fragments built afresh: a new
    content version, as after a publish (website/fragment_cache.py), so that two counts
    compare the same work."""
    return len(sql_of_a_fresh_render(client, url))


def sql_of_a_fresh_render(client, url):
    """The SQL statements `queries_of_a_fresh_render` counts, in the order they ran."""
    from django.test.utils import CaptureQueriesContext

    from website import content_version

    client.get(url)  # what every request reuses once loaded (the site's root paths, locales)
    content_version.changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries.captured_queries]


def reloaded(value):
    """`value` (a model instance, or dicts of them) read afresh from the database."""
    if isinstance(value, dict):
        return {key: reloaded(item) for key, item in value.items()}
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    return value


def build_site_tree():
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = ProgrammeIndexPageFactory(parent=home, show_in_menus=True)
    programme = ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    tree = {"en": {"home": home, "index": index, "programme": programme}}
    names = {
        "fr": ("Accueil", "Plaidoyer international", "Plaidoyer juridique"),
        "es": ("Inicio", "Incidencia internacional", "Incidencia jurídica"),
    }
    for language, (home_title, index_title, programme_title) in names.items():
        tree[language] = {
            "home": translate_page(home, language, title=home_title, slug=f"home-{language}"),
            "index": translate_page(index, language, title=index_title, slug=f"index-{language}"),
            "programme": translate_page(
                programme, language, title=programme_title, slug=f"programme-{language}"
            ),
        }
    return tree


@pytest.fixture(scope="module")
def shared_site_tree(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_site_tree()


@pytest.fixture
def site_tree(db, shared_site_tree):
    """English home, index and one programme, translated into French and Spanish.

    Built once per module (translating nine pages takes about a second) and read
    afresh for each test.
    """
    return reloaded(shared_site_tree)


@pytest.fixture(scope="module")
def shared_roles(shared_site_tree, django_db_blocker):
    with built_once(django_db_blocker):
        setup_roles()
        yield


@pytest.fixture
def roles(site_tree, shared_roles):
    """Every role (translations/roles.py) on `site_tree`, set up once per module:
    `setup_roles` reads every permission and takes about half a second."""
    return site_tree


@pytest.fixture(autouse=True)
def clear_caches():
    """Rolled-back rows reuse their ids, so nothing cached may outlive its test
    (an image's renditions, for one, are cached by image id)."""
    clear_all_caches()


@pytest.fixture(autouse=True)
def reset_active_language():
    """Each test starts in the source language, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
