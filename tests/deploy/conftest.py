import sqlite3
from contextlib import contextmanager

import dj_database_url
import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from conftest import clear_all_caches
from tests.deploy.servers import collect_static, database_url
from website.settings import env


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once, as `make serve` collects them (admin's left out)."""
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The test database, even when these tests run alone.

    pytest-django creates it only if a collected test is marked `django_db`, and
    the servers' tests cannot be: their writes must be committed for the servers
    to read them. Kept between runs, as `--reuse-db` keeps pytest-django's.
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


@contextmanager
def committing(django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with postgres_put_back():
                yield
            return
        # A byte copy through SQLite's backup API, not serialized rows: the browser tests'
        # demo may still be loaded, and not every demo row survives a serialization round trip.
        connection.ensure_connection()
        before = sqlite3.connect(":memory:")
        connection.connection.backup(before)
        try:
            yield
        finally:
            before.backup(connection.connection)
            before.close()
            ContentType.objects.clear_cache()
            clear_all_caches()


def postgres_server():
    return psycopg.connect(database_url().rsplit("/", 1)[0] + "/postgres", autocommit=True)


@contextmanager
def postgres_put_back():
    """PostgreSQL: a copy of the database (CREATE DATABASE … TEMPLATE) takes its place after.

    Restoring serialized rows there, as on SQLite, collides with the rows that models
    and receivers write while they come back (content types, audit entries).
    """
    name = connection.settings_dict["NAME"]
    copy = f"{name}_before"
    connection.close()
    with postgres_server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        server.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    try:
        yield
    finally:
        connection.close()
        with postgres_server() as server:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            server.execute(f'ALTER DATABASE "{copy}" RENAME TO "{name}"')
        ContentType.objects.clear_cache()
        clear_all_caches()


@pytest.fixture
def committed(test_database, django_db_blocker):
    """Database writes committed for the servers to read; the database is put back as it was after.

    Not `transaction=True, serialized_rollback=True`: that flushes after the last such
    test and restores before the next, so a run ending on it leaves an empty database
    to the next run's `--reuse-db`.
    """
    with committing(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def committed_for_module(test_database, django_db_blocker):
    """`committed`, for the tests of one module together."""
    with committing(django_db_blocker):
        yield
