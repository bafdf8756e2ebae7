import pytest

from conftest import committing
from tests.deploy.servers import collect_static


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once, as `make serve` collects them (admin's left out)."""
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


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
