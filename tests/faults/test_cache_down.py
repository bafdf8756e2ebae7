"""The site keeps serving when its shared cache (Redis, `CACHE_URL`) does not answer.

Before, with CACHE_URL at a closed port, every page answered 500 and the API 422
with "ConnectionError: Error 111 connecting to 127.0.0.1:…" in its body: Wagtail
reads the site's root paths through the cache on every request. The caches here
are built by the settings' own `cache_settings` from such a URL.
"""

import logging
import socket

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

import website.cache
from website.factories import CustomImageFactory
from website.models import User
from website.settings.base import cache_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def cache_down(closed_port, monkeypatch):
    monkeypatch.setattr(website.cache, "_states", {})  # no outage known yet, as in a new process
    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{closed_port}/0")):
        yield closed_port


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "website.cache"]


def assert_no_internals(body, port):
    for leak in ("ConnectionError", "Error 111", f":{port}", "redis", "Traceback"):
        assert leak not in body


def test_pages_and_the_api_answer_with_their_content_and_one_warning(client, site_tree, cache_down, caplog):
    caplog.set_level(logging.WARNING)
    french = site_tree["fr"]

    answers = {
        "/en/": client.get("/en/"),
        french["index"].url: client.get(french["index"].url),
        french["programme"].url: client.get(french["programme"].url),
        "/api/v3/pages/": client.get("/api/v3/pages/", {"locale": "fr"}),
        "/api/v3/route/": client.get("/api/v3/route/", {"path": french["programme"].url}),
        "/sitemap.xml": client.get("/sitemap.xml"),
    }

    for path, response in answers.items():
        assert response.status_code == 200, path
        assert_no_internals(response.content.decode(), cache_down)
    assert "Plaidoyer juridique" in answers[french["programme"].url].content.decode()
    assert "Plaidoyer juridique" in {item["title"] for item in answers["/api/v3/pages/"].json()["items"]}
    assert answers["/api/v3/route/"].json()["page"]["title"] == "Plaidoyer juridique"
    # One warning for the whole outage, without a traceback, naming what is down.
    [warning] = cache_warnings(caplog)
    assert warning.levelno == logging.WARNING
    assert warning.exc_info is None
    assert "Redis" in warning.getMessage()


def test_image_renditions_are_made_and_found_again_without_the_cache(cache_down):
    image = CustomImageFactory()

    first = image.get_rendition("width-480|format-webp")
    again = image.get_rendition("width-480|format-webp")

    assert again.pk == first.pk
    assert (again.width, again.height) == (480, 270)


def test_a_preview_that_cannot_be_stored_says_so_instead_of_a_500(client, site_tree, cache_down, caplog):
    index = site_tree["en"]["index"]
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "unused-password"))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[index.pk])
    form = nested_form_data(
        {
            "title": "Advocacy draft",
            "slug": index.slug,
            "introduction": rich_text("<p>Unsaved.</p>"),
            "institutions_heading": "Who we lobby",
            "listing_summary": "",
            "seo_title": "",
            "search_description": "",
        }
    )

    with override_settings(FRONTEND_URL="https://front.example.org"):
        assert client.post(url, form).json()["is_valid"] is True
        response = client.get(url)

    assert response.status_code == 503
    body = response.content.decode()
    assert "The preview could not be prepared" in body
    assert_no_internals(body, cache_down)
    assert [record.levelname for record in cache_warnings(caplog)] == ["WARNING"]
