import pytest

from pages.factories import ContactPageFactory, StandardPageFactory


@pytest.fixture
def standard_page(site_tree):
    return StandardPageFactory(parent=site_tree["en"]["home"], title="About us", slug="about-us")


@pytest.fixture
def contact_page(site_tree):
    return ContactPageFactory(parent=site_tree["en"]["home"])
