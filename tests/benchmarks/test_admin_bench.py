"""The admin benchmark posts what the page editor posts: an unchanged form saves the page as it was."""

import pytest
from django.urls import reverse
from django.utils import translation

from benchmarks.admin_bench import edit_form_data
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from resources.factories import ResourceIndexPageFactory
from resources.models import ResourceIdentifier, ResourcePage
from tests.resources.conftest import make_publication

pytestmark = pytest.mark.django_db


def post_unchanged(client, page, user):
    data = edit_form_data(page, user)
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def contents(body):
    return body.stream_block.get_searchable_content(body)


def test_a_programme_page_with_every_kind_of_block_is_saved_as_it_was(admin_client, admin_user, site_tree):
    page = ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        body=[
            {"type": "heading", "value": {"text": "Why it matters", "level": "h3"}},
            {"type": "paragraph", "value": '<p>States must <a href="https://example.org">protect</a>.</p>'},
            {"type": "quote", "value": {"quote": "We are not alone.", "attribution": "A defender"}},
            {
                "type": "key_facts",
                "value": {"heading": "In figures", "facts": [{"figure": "12", "label": "countries"}]},
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Read more",
                    "text": "",
                    "link_text": "The network",
                    "page": site_tree["en"]["programme"].pk,
                    "url": "",
                },
            },
        ],
    )
    response = post_unchanged(admin_client, page, admin_user)
    assert response.status_code == 302
    saved = ProgrammePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    # Same blocks (ids kept) with the same text; Draftail adds its block keys to rich text.
    assert [(block.block_type, block.id) for block in saved.body] == [
        (block.block_type, block.id) for block in page.body
    ]
    assert contents(saved.body) == contents(page.body)
    assert saved.body[4].value["page"].pk == site_tree["en"]["programme"].pk
    assert saved.summary == page.summary


def test_a_publication_keeps_its_files_identifiers_and_labels(admin_client, admin_user, home):
    library = ResourceIndexPageFactory(parent=home)
    page = make_publication(library, files=("en", "fr"), countries=("TH", "KE"), authors="PI")
    ResourceIdentifier.objects.create(page=page, scheme="isbn", value="978-2-930539-41-6")
    page = ResourcePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    page = ResourcePage.objects.get(pk=page.pk)
    response = post_unchanged(admin_client, page, admin_user)
    assert response.status_code == 302
    saved = ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [(f.document_id, f.language) for f in saved.files.all()] == [
        (f.document_id, f.language) for f in page.files.all()
    ]
    assert [c.country.code for c in saved.countries.all()] == ["TH", "KE"]
    assert [i.value for i in saved.identifiers.all()] == ["978-2-930539-41-6"]
    assert (saved.authors, saved.resource_type_id, saved.publication_date) == (
        page.authors,
        page.resource_type_id,
        page.publication_date,
    )
