import pytest

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


def test_logged_in_responses_are_private(admin_client, site_tree):
    response = admin_client.get(site_tree["en"]["programme"].url)
    assert "private" in response["Cache-Control"]
