from contextlib import contextmanager

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from conftest import clear_all_caches
from tests.deploy.servers import collect_static


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once, as `make serve` collects them (admin's left out)."""
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker):
    """The test database, even when these tests run alone.

    pytest-django creates it only if a collected test is marked `django_db`, and
    the servers' tests cannot be: their writes must be committed for the servers
    to read them. Kept between runs, as `--reuse-db` keeps pytest-django's.
    """
    from django.test.utils import setup_databases, teardown_databases

    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        yield
        return
    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, keepdb=True, aliases={connection.alias})
    yield
    with django_db_blocker.unblock():
        teardown_databases(created, verbosity=0, keepdb=True)


@contextmanager
def committing(django_db_blocker):
    with django_db_blocker.unblock():
        initial = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            # Restoring groups' permissions logs them (accounts/audit.py) against content types
            # this process has cached, which the flush removed until the restore puts them back.
            ContentType.objects.clear_cache()
            with sequences_out_of_the_way():
                connection.creation.deserialize_db_from_string(initial)
            clear_all_caches()


@contextmanager
def sequences_out_of_the_way():
    """PostgreSQL: ids the restore's own writes take never collide with the rows it restores.

    The flush restarts every sequence at 1, and restoring groups' permissions writes audit
    entries (accounts/audit.py) before the saved ones, ids 1, 2… included, come back. The
    sequences start far above for the restore, then go back to each table's highest id.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT schemaname, sequencename FROM pg_sequences WHERE schemaname = current_schema()"
        )
        for schema, name in cursor.fetchall():
            cursor.execute("SELECT setval(%s, 1000000000)", [f'"{schema}"."{name}"'])
    yield
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


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
