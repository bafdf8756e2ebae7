"""The demo content, loaded once for every test in this package.

Loading it takes seconds of CPU, so the tests that read the real site live here
together instead of each loading it again; each still runs in its own savepoint.
"""

import pytest

from conftest import demo_site


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    with demo_site(django_db_blocker):
        yield
