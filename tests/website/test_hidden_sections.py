"""A live page below an unpublished page is as hidden as the unpublished page itself."""

import pytest

from home.models import FeaturedProgramme
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def below_draft(home):
    index = ProgrammeIndexPageFactory(parent=home)
    section = ProgrammePageFactory(parent=index, slug="section")
    page = ProgrammePageFactory(parent=section, title="Below a draft", slug="below-draft")
    section.unpublish()
    return page


def test_home_page_does_not_feature_a_page_below_an_unpublished_page(client, home, below_draft):
    FeaturedProgramme.objects.create(home_page=home, programme=below_draft)
    html = client.get("/en/").content.decode()
    assert "below-draft" not in html and "Below a draft" not in html
