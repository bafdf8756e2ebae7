"""Malformed or oversized input from the admin's side: a 4xx or a form error, never a 500, nothing lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, Page

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


def pdf(name="report.pdf", size=500):
    return SimpleUploadedFile(name, b"%PDF-1.4 " + b"x" * size, content_type="application/pdf")


@pytest.fixture
def small_upload_limit(settings):
    """The 50 MB limit, scaled down: the refusal is the same."""
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100


def test_a_document_too_large_gets_only_the_size_message(admin_client, small_upload_limit):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Report", "file": pdf(), "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 200  # the form again
    assert response.context["form"].errors["file"] == [
        "This file is too big (509\xa0bytes). Maximum filesize 100\xa0bytes."
    ]


def test_a_document_too_large_in_the_multiple_upload_gets_only_the_size_message(
    admin_client, small_upload_limit
):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": pdf(), "collection": Collection.get_first_root_node().pk},
    )

    assert response.json() == {
        "success": False,
        "error_message": "This file is too big (509\xa0bytes). Maximum filesize 100\xa0bytes.",
    }


def test_a_document_with_a_refused_extension_is_still_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tool", "file": pdf("tool.exe"), "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("File extension “exe” is not allowed.")
