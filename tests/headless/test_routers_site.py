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
        # Content languages the test tree has no home page in.
        {"code": "pt", "name": "Português", "home_url": None},
        {"code": "ar", "name": "العربيّة", "home_url": None},
    ]
    assert data["organisation"]["contact_email"] == "advocacy@example.org"
    assert data["organisation"]["postal_address"] == "Rue de la Linière 11, Brussels"


def test_site_gives_the_footer_links_of_the_settings(api_get, site_tree):
    settings = OrganisationSettings.load()
    settings.donate_url = "https://donate.example.org/"
    settings.x_url = "https://x.example.org/pi"
    settings.privacy_page = site_tree["en"]["index"]
    settings.legal_page = site_tree["en"]["programme"]
    settings.save()
    site_tree["en"]["programme"].unpublish()

    organisation = api_get("/api/v3/site/").json()["organisation"]

    assert organisation["donate_url"] == "https://donate.example.org/"
    assert organisation["social_profiles"] == [{"name": "X", "url": "https://x.example.org/pi"}]
    index = site_tree["en"]["index"]
    assert organisation["privacy_page"] == {
        "id": index.pk,
        "title": index.title,
        "url": index.url,
    }
    assert organisation["legal_page"] is None  # unpublished: never given away
    assert organisation["contact_page"] is None


def test_a_language_without_a_public_home_has_no_home_url(api_get, site_tree):
    site_tree["es"]["home"].unpublish()

    languages = api_get("/api/v3/site/").json()["languages"]

    assert languages[2] == {"code": "es", "name": "español", "home_url": None}
