import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from conftest import clear_all_caches


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


@pytest.fixture
def committed(test_database, django_db_blocker):
    """Database writes committed for the servers to read; the database is put back as it was after.

    Not `transaction=True, serialized_rollback=True`: that flushes after the last such
    test and restores before the next, so a run ending on it leaves an empty database
    to the next run's `--reuse-db`.
    """
    with django_db_blocker.unblock():
        initial = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            # Restoring groups' permissions logs them (accounts/audit.py) against content types
            # this process has cached, which the flush removed until the restore puts them back.
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(initial)
            clear_all_caches()
