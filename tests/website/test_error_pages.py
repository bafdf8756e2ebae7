import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_server_error_page_needs_no_database_and_speaks_the_active_language():
    # No django_db mark: any query would fail the test.
    with translation.override("fr"):
        response = server_error(RequestFactory().get("/fr/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr"' in html
    assert 'href="/fr/"' in html
    assert "Aller à la page d'accueil" in html  # a string the catalogues already translate


@pytest.mark.django_db
def test_not_found_page_is_in_the_language_of_its_address(client, home):
    response = client.get("/fr/nope/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
