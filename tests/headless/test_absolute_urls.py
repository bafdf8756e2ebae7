"""File, image and html_url URLs are absolute, for a front end on another origin; page urls stay paths."""

import pytest
from django.test import override_settings

from website.absolute_urls import absolute_file_links
from website.factories import CustomDocumentFactory, CustomImageFactory

pytestmark = pytest.mark.django_db


def test_files_renditions_and_html_urls_name_the_requests_host(client, site_tree):
    image = CustomImageFactory()
    document = CustomDocumentFactory()
    programme = site_tree["fr"]["programme"]
    programme.hero_image = image
    programme.body = [
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
        {"type": "document_link", "value": {"document": document.pk, "label": ""}},
        {"type": "paragraph", "value": f'<p><a linktype="document" id="{document.pk}">Manual</a></p>'},
    ]
    programme.save_revision().publish()

    page = client.get(f"/api/v3/pages/{programme.pk}/", HTTP_HOST="localhost:8080").json()
    image_meta = client.get(f"/api/v3/images/{image.pk}/", HTTP_HOST="localhost:8080").json()["meta"]
    document_meta = client.get(f"/api/v3/documents/{document.pk}/", HTTP_HOST="localhost:8080").json()["meta"]

    base = "http://localhost:8080"
    assert page["meta"]["html_url"] == f"{base}{programme.url}"
    assert page["meta"]["detail_url"] == f"{base}/api/v3/pages/{programme.pk}/"
    assert all(r["url"].startswith(f"{base}/media/images/") for r in page["hero_image"]["renditions"])
    assert page["body"][0]["value"]["renditions"][0]["url"].startswith(f"{base}/media/images/")
    assert page["body"][1]["value"]["url"] == f"{base}{document.url}"
    assert f'href="{base}{document.url}"' in page["body"][2]["value"]
    assert image_meta["download_url"] == f"{base}{image.file.url}"
    assert document_meta["download_url"] == f"{base}{document.url}"


def test_page_urls_stay_paths_for_the_front_ends_router(client, site_tree):
    data = client.get("/api/v3/route/", {"path": site_tree["fr"]["programme"].url}).json()

    assert data["breadcrumbs"][0]["url"] == "/fr/"
    assert {item["url"][:4] for item in data["translations"]} == {"/en/", "/fr/", "/es/"}


@override_settings(CANONICAL_BASE_URL="https://www.protectioninternational.org")
def test_site_base_url_wins_over_the_request_host(client, site_tree):
    page = client.get(f"/api/v3/pages/{site_tree['en']['home'].pk}/", HTTP_HOST="127.0.0.1").json()

    assert page["meta"]["html_url"] == "https://www.protectioninternational.org/en/"


def test_only_file_links_in_rich_text_become_absolute(settings):
    html = (
        '<p><a href="/fr/plaidoyer/">page</a> <a href="/documents/3/guide.pdf">guide</a> '
        '<img src="/media/images/cover.width-480.webp" alt=""> <a href="https://example.org/">out</a></p>'
    )
    markdown = "[guide](/documents/3/guide.pdf) and [page](/fr/plaidoyer/)"

    with override_settings(CANONICAL_BASE_URL="https://pi.example"):
        assert absolute_file_links(html) == (
            '<p><a href="/fr/plaidoyer/">page</a> <a href="https://pi.example/documents/3/guide.pdf">guide</a> '
            '<img src="https://pi.example/media/images/cover.width-480.webp" alt=""> '
            '<a href="https://example.org/">out</a></p>'
        )
        assert (
            absolute_file_links(markdown)
            == "[guide](https://pi.example/documents/3/guide.pdf) and [page](/fr/plaidoyer/)"
        )
