from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection

from conftest import forget_cached_rows, sqlite_put_back
from tests.deploy.servers import collect_static, database_url


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once, as `make serve` collects them (admin's left out)."""
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@contextmanager
def committing(django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with postgres_put_back():
                yield
            return
        with sqlite_put_back():
            yield


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
        forget_cached_rows()


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
