"""The "Related programmes" choice, through the page editor's real forms."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from conftest import translate_page
from programmes.factories import ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def libraries(site_tree):
    english = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    english.save_revision().publish()
    return {"en": english, "fr": translate_page(english, "fr", title="Ressources", slug="ressources")}


def edit_form(client, page):
    with translation.override("en"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("form#page-edit-form")


def programme_choices(form):
    """{label: ticked} of the "Related programmes" checkboxes."""
    return {
        " ".join(box.parent.get_text(" ", strip=True).split()): box.has_attr("checked")
        for box in form.select("input[name=related_programmes]")
    }


def resubmit(client, page, form, **changes):
    """Post the edit form as the browser would, with the given fields changed."""
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "")
        if field.name == "select":
            data[name] = [option["value"] for option in field.select("option[selected]")]
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif kind not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    data.update(changes)
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_french_publication_chooses_among_french_programmes_with_their_section(
    admin_client, site_tree, libraries
):
    publication = ResourcePageFactory(parent=libraries["fr"], title="Guide", slug="guide")
    assert programme_choices(edit_form(admin_client, publication)) == {
        "Plaidoyer juridique (Plaidoyer international)": False
    }
    english = ResourcePageFactory(parent=libraries["en"], title="Guide", slug="guide-en")
    assert programme_choices(edit_form(admin_client, english)) == {
        "Legal advocacy (International advocacy)": False
    }


def test_a_programme_of_another_language_is_refused(admin_client, site_tree, libraries):
    publication = ResourcePageFactory(parent=libraries["fr"], title="Guide", slug="guide")
    form = edit_form(admin_client, publication)
    response = resubmit(
        admin_client, publication, form, related_programmes=[str(site_tree["en"]["programme"].pk)]
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert list(ResourcePage.objects.get(pk=publication.pk).related_programmes.all()) == []


def test_relations_stored_in_another_language_are_kept(admin_client, site_tree, libraries):
    only_english = ProgrammePageFactory(parent=site_tree["en"]["index"], title="EU Guidelines", slug="eu")
    only_english.save_revision().publish()
    publication = ResourcePageFactory(parent=libraries["fr"], title="Guide", slug="guide")
    # As wagtail-localize copies them from a source page: the English programmes.
    publication.related_programmes.set([site_tree["en"]["programme"], only_english])
    publication.save()
    publication.save_revision().publish()

    form = edit_form(admin_client, publication)
    assert programme_choices(form) == {
        "Plaidoyer juridique (Plaidoyer international)": True,  # the translation of the English one
        "EU Guidelines (International advocacy), in English": True,  # no French page: itself
    }
    response = resubmit(admin_client, publication, form, **{"action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = ResourcePage.objects.get(pk=publication.pk).related_programmes.all()
    assert sorted(page.title for page in stored) == ["EU Guidelines", "Plaidoyer juridique"]
    html = admin_client.get(publication.url).content.decode()
    assert "Plaidoyer juridique" in html and "EU Guidelines" in html


def test_a_programme_chooses_related_programmes_of_its_language_but_never_itself(admin_client, site_tree):
    other = ProgrammePageFactory(parent=site_tree["fr"]["index"], title="Bureaux", slug="bureaux")
    assert programme_choices(edit_form(admin_client, other)) == {
        "Plaidoyer juridique (Plaidoyer international)": False
    }
    response = resubmit(
        admin_client,
        other,
        edit_form(admin_client, other),
        related_programmes=[str(site_tree["fr"]["programme"].pk)],
        **{"action-publish": "action-publish"},
        **nested_form_data(
            {"body": streamfield([]), "people": streamfield([])}
        ),  # drawn by the browser's script: not in the HTML
    )
    assert response.status_code == 302
    assert [page.title for page in type(other).objects.get(pk=other.pk).related_programmes.all()] == [
        "Plaidoyer juridique"
    ]
