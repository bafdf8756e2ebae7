"""Malformed or oversized input from the admin's side: a 4xx or a form error, never a 500, nothing lost."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(site_tree):
    page = site_tree["en"]["programme"]
    page.body = [{"type": "paragraph", "value": "<p>Defenders met their MPs.</p>"}]
    page.save_revision().publish()
    return page


def stored(page):
    page = ProgrammePage.objects.get(pk=page.pk)
    return page.title, list(page.body.raw_data), page.revisions.count(), page.live


@pytest.mark.parametrize(
    "stream_data",
    [{}, {"body-count": "abc"}, {"body-count": "1"}, {"body-count": "1", "body-0-deleted": ""}],
    ids=["no-count", "count-not-a-number", "no-child-fields", "no-child-type"],
)
def test_an_edit_post_with_malformed_streamfield_data_is_a_400_and_stores_nothing(
    admin_client, programme, stream_data
):
    before = stored(programme)
    data = {"title": "Changed", "slug": programme.slug, "action-publish": "action-publish", **stream_data}

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[programme.pk]), data)

    assert response.status_code == 400
    assert stored(programme) == before


def test_a_create_post_without_streamfield_data_is_a_400_and_creates_nothing(admin_client, site_tree):
    index = site_tree["en"]["index"]
    pages = Page.objects.count()

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", index.pk]),
        {"title": "New programme", "slug": "new-programme"},
    )

    assert response.status_code == 400
    assert Page.objects.count() == pages
