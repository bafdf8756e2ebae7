import pytest

from website.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def test_site_gives_languages_and_organisation_to_anonymous_callers(api_get, site_tree):
    settings = OrganisationSettings.load()
    settings.contact_email = "advocacy@example.org"
    settings.postal_address = "Rue de la Linière 11, Brussels"
    settings.save()

    response = api_get("/api/v3/site/")

    assert response.status_code == 200
    data = response.json()
    assert data["name"]
    assert data["default_language"] == "en"
    assert data["languages"] == [
        {"code": "en", "name": "English", "home_url": "/en/"},
        {"code": "fr", "name": "français", "home_url": "/fr/"},
        {"code": "es", "name": "español", "home_url": "/es/"},
    ]
    assert data["organisation"]["contact_email"] == "advocacy@example.org"
    assert data["organisation"]["postal_address"] == "Rue de la Linière 11, Brussels"


def test_a_language_without_a_public_home_has_no_home_url(api_get, site_tree):
    site_tree["es"]["home"].unpublish()

    languages = api_get("/api/v3/site/").json()["languages"]

    assert languages[2] == {"code": "es", "name": "español", "home_url": None}
