import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v3/openapi.json", "/api/v3/pages/", "/admin/login/"])
def test_non_content_urls_are_not_language_prefixed(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200, path


@pytest.mark.parametrize("path", ["/api/v3/no-such-endpoint/", "/admin-nothing/"])
def test_unknown_non_content_urls_do_not_redirect_into_a_language(client, path):
    response = client.get(path)
    assert response.status_code != 302 or not response["Location"].startswith("/en/api")


def test_api_404_is_not_a_redirect(client):
    response = client.get("/api/v3/does-not-exist/")
    assert response.status_code == 404


def test_unknown_page_is_a_404_in_the_visitors_language(client, site_tree):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode() or response.templates
