"""The demo content, loaded once for every test in this package.

Loading it takes seconds of CPU, so the tests that read the real site live here
together instead of each loading it again; each still runs in its own savepoint.
"""

import pytest
from django.core.management import call_command

from conftest import built_once


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        call_command("load_demo", verbosity=0)
        yield
