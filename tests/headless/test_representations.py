import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.factories import InstitutionFactory, ProgrammePageFactory
from website.api_representations import RENDITION_WIDTHS
from website.demo import translate

pytestmark = pytest.mark.django_db


def test_images_come_as_renditions_with_alt_text(client, site_tree):
    image = wagtail_factories.ImageFactory(
        title="Defenders", alt_text="Defenders at a meeting", credit="PI", file__width=2000, file__height=1000
    )
    programme = site_tree["en"]["programme"]
    programme.hero_image = image
    programme.hero_alt_text = "Women defenders in Bogotá"
    programme.social_image = image
    programme.body = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "Bogotá"}}]
    programme.save_revision().publish()

    page = client.get(f"/api/v3/pages/{programme.pk}/").json()

    assert page["hero"]["alt"] == "Women defenders in Bogotá"
    assert page["hero"]["credit"] == "PI"
    assert [r["width"] for r in page["hero"]["renditions"]] == list(RENDITION_WIDTHS)
    assert all(r["url"].endswith(".webp") for r in page["hero"]["renditions"])
    # An image field's alt is the one the page gives it (`hero_alt_text`), else the image's own.
    assert page["hero_image"]["alt"] == "Women defenders in Bogotá"
    assert page["social_image"]["alt"] == "Defenders at a meeting"
    assert page["social_image"]["renditions"][0]["height"] == 240
    assert page["body"][0]["value"]["alt"] == "Defenders at a meeting"
    assert len(page["body"][0]["value"]["renditions"]) == 3


def test_taxonomy_comes_with_labels_in_the_page_language(client, site_tree):
    parliaments = InstitutionFactory(name="Parliaments")
    translate(parliaments, {"name": {"en": "Parliaments", "fr": "Parlements", "es": "Parlamentos"}}, "fr")
    french = site_tree["fr"]["programme"]
    french.institutions.set([parliaments])  # as wagtail-localize copies it: the English snippet
    french.save_revision().publish()

    page = client.get(f"/api/v3/pages/{french.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert [item["name"] for item in page["targeted_institutions"]] == ["Parlements"]


def test_page_detail_runs_a_bounded_number_of_queries(client, site_tree):
    index = site_tree["en"]["index"]
    programme = site_tree["en"]["programme"]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v3/route/", {"path": programme.url}).status_code == 200
        return len(queries)

    def grow(number):
        programme.related_programmes.add(*[ProgrammePageFactory(parent=index) for _ in range(number)])
        programme.institutions.add(*[InstitutionFactory() for _ in range(number)])
        programme.save_revision().publish()

    grow(1)
    count()
    before = count()
    grow(8)
    after = count()
    assert after == before
    assert after <= 30, after
