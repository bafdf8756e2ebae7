import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_no_demo_admin_without_the_loader():
    """The demo's admin exists only where the demo is loaded (tests/demo/ loads it)."""
    assert not get_user_model().objects.exists()
