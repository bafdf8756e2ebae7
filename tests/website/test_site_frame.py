"""The frame around every page: header search, menu, footer links from the site settings,
the contact button, localised search address, favicon and file sizes (issue 13)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.utils import translation

from website.files import size_display
from website.models import OrganisationSettings

pytestmark = pytest.mark.django_db

SEARCH_PATHS = {"en": "/en/search/", "fr": "/fr/recherche/", "es": "/es/buscar/"}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def page_urls(tree, language):
    return {
        "home": f"/{language}/",
        "index": tree[language]["index"].url,
        "programme": tree[language]["programme"].url,
        "search": f"{SEARCH_PATHS[language]}?q=advocacy",
    }


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_page_has_a_labelled_search_field_in_its_header(client, site_tree, language):
    for kind, url in page_urls(site_tree, language).items():
        form = soup(client.get(url)).select_one("header form[role=search]")
        assert form is not None, kind
        assert (form["method"], form["action"]) == ("get", SEARCH_PATHS[language]), kind
        field = form.select_one("input[name=q]")
        assert form.select_one(f'label[for="{field["id"]}"]').get_text(strip=True), kind
        assert form.select_one("button[type=submit]"), kind
    not_found = BeautifulSoup(client.get(f"/{language}/no-such-page/").content.decode(), "html.parser")
    assert not_found.select_one("header form[role=search]") is not None


@pytest.mark.parametrize(("language", "verb"), [("en", "Search"), ("fr", "Rechercher"), ("es", "Buscar")])
def test_the_search_buttons_say_what_they_do_with_a_verb(client, site_tree, language, verb):
    html = soup(client.get(f"{SEARCH_PATHS[language]}?q=advocacy"))
    assert {button.get_text(strip=True) for button in html.select("form[role=search] button")} == {verb}


def test_the_search_address_is_in_the_visitors_language_and_the_old_one_leads_there(client, site_tree):
    assert client.get("/fr/recherche/", {"q": "plaidoyer"}).status_code == 200
    assert client.get("/es/buscar/", {"q": "incidencia"}).status_code == 200
    old = client.get("/fr/search/", {"q": "plaidoyer"})
    assert (old.status_code, old["Location"]) == (301, "/fr/recherche/?q=plaidoyer")
    assert client.get("/es/search/")["Location"] == "/es/buscar/"


def test_the_menu_marks_the_current_section_and_the_current_page(client, site_tree):
    index = site_tree["en"]["index"]
    on_index = soup(client.get(index.url)).select_one(f'.main-nav a[href="{index.url}"]')
    on_programme = soup(client.get(site_tree["en"]["programme"].url)).select_one(
        f'.main-nav a[href="{index.url}"]'
    )
    assert on_index["aria-current"] == "page"
    assert on_programme["aria-current"] == "true"  # a page inside that section


def test_every_page_links_a_favicon_and_a_touch_icon_that_exist(client, site_tree):
    html = soup(client.get("/en/"))
    icons = [link["href"] for link in html.select('link[rel="icon"], link[rel="apple-touch-icon"]')]
    assert len(icons) == 3
    for href in icons:  # made in the repository, served by the static files
        assert finders.find(href.removeprefix(django_settings.STATIC_URL)), href
    assert client.get("/favicon.ico")["Location"].endswith(".png")


def test_the_footer_takes_its_links_from_the_site_settings_in_the_visitors_language(client, site_tree):
    organisation = OrganisationSettings.load()
    organisation.contact_email = "info@example.org"
    organisation.postal_address = "Brussels"
    organisation.privacy_page = site_tree["en"]["programme"]  # any page will do: the French one is shown
    organisation.donate_url = "https://donate.example.org/"
    organisation.linkedin_url = "https://www.linkedin.com/company/example"
    organisation.save()
    footer = soup(client.get("/fr/")).select_one("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert links["info@example.org"] == "mailto:info@example.org"
    assert links["Plaidoyer juridique"] == site_tree["fr"]["programme"].url
    assert links["Soutenir notre action par un don"] == "https://donate.example.org/"
    assert links["LinkedIn"] == "https://www.linkedin.com/company/example"
    assert "Brussels" in footer.get_text()
    assert footer.select("script, iframe") == []  # profiles are plain links, no widgets


def test_an_unpublished_page_chosen_in_the_settings_is_not_linked(client, site_tree):
    organisation = OrganisationSettings.load()
    organisation.legal_page = site_tree["en"]["programme"]
    organisation.save()
    site_tree["fr"]["programme"].unpublish()
    site_tree["en"]["programme"].unpublish()
    footer = soup(client.get("/fr/")).select_one("footer")
    assert "Plaidoyer juridique" not in footer.get_text()
    assert "Legal advocacy" not in footer.get_text()


def contact_button(client, url):
    return soup(client.get(url)).select_one(".cta a.button")


def test_the_programme_contact_button_leads_to_the_contact_page_of_the_settings(client, site_tree):
    programme = site_tree["en"]["programme"]
    programme.contact_heading = "Talk to us"
    programme.contact_url = "https://www.example.org/"
    programme.save_revision().publish()
    french = site_tree["fr"]["programme"]
    french.contact_heading = "Parlez-nous"
    french.contact_url = "https://www.example.org/"
    french.save_revision().publish()
    organisation = OrganisationSettings.load()
    organisation.contact_page = site_tree["en"]["index"]  # stands for the contact page
    organisation.save()
    assert contact_button(client, programme.url)["href"] == site_tree["en"]["index"].url
    assert contact_button(client, french.url)["href"] == site_tree["fr"]["index"].url

    organisation.contact_page = None
    organisation.contact_email = "info@example.org"
    organisation.save()
    assert contact_button(client, french.url)["href"] == "mailto:info@example.org"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "2.0\xa0KB"), ("fr", "2,0\xa0Ko"), ("es", "2,0\xa0kB")],
)
def test_file_sizes_use_the_units_and_decimal_mark_of_the_language(language, expected):
    with translation.override(language):
        assert size_display(2048) == expected
        assert size_display(500).startswith("500\xa0")
        assert size_display(3 * 1024 * 1024).startswith("3")
