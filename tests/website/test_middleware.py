import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_public_pages_are_cacheable_and_set_no_cookie(client, site_tree):
    response = client.get(site_tree["fr"]["programme"].url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert not response.cookies
    assert response["Content-Security-Policy"].startswith("default-src 'self'")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "interest-cohort" not in response["Permissions-Policy"]  # withdrawn: browsers warn


def test_logged_in_responses_are_private(admin_client, site_tree):
    response = admin_client.get(site_tree["en"]["programme"].url)
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/a%00b/", "/api/v3/pages/%00/"])
def test_a_nul_character_in_the_path_is_a_bad_request(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 400


def test_nul_characters_in_query_parameters_are_dropped(client, site_tree):
    # On PostgreSQL a NUL reaching a slug lookup would be a server error.
    path = site_tree["en"]["programme"].url
    with_nul = client.get("/api/v3/pages/find/", {"html_path": path + "\x00"})
    assert with_nul.status_code == client.get("/api/v3/pages/find/", {"html_path": path}).status_code
    assert client.get(site_tree["fr"]["index"].url, {"x\x00": "\x00"}).status_code == 200


def test_no_page_may_be_framed_except_in_the_admins_preview_panel(client, admin_client, site_tree):
    index = site_tree["en"]["index"]

    assert client.get(index.url)["X-Frame-Options"] == "DENY"
    preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[index.pk]))
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"


def test_an_onion_address_is_announced_on_pages_when_configured(client, settings, site_tree):
    assert "Onion-Location" not in client.get("/en/")
    settings.ONION_LOCATION = "http://pi2example7onion.onion"
    response = client.get("/en/?q=1")
    assert response["Onion-Location"] == "http://pi2example7onion.onion/en/?q=1"
    assert "Onion-Location" not in client.get("/robots.txt")
