import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v3/openapi.json", "/api/v3/pages/", "/admin/login/"])
def test_non_content_urls_are_not_language_prefixed(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200, path


@pytest.mark.parametrize("path", ["/api/v3/does-not-exist/", "/admin/no-such-view/"])
def test_unknown_non_content_urls_do_not_redirect_into_a_language(admin_client, path):
    response = admin_client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert (response.status_code, response.get("Location")) == (404, None)


def test_a_path_that_only_begins_like_the_admin_is_content_and_gets_a_language(client):
    response = client.get("/admin-nothing/", HTTP_ACCEPT_LANGUAGE="fr")
    assert (response.status_code, response["Location"]) == (302, "/fr/admin-nothing/")


def test_unknown_page_is_a_404_in_the_visitors_language(client, site_tree):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "<h1>Page introuvable</h1>" in html and 'href="/fr/"' in html
