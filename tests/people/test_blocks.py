"""A person mentioned on a programme page reaches visitors only as `display_name` allows:
the HTML, the API and the search index."""

import pytest
from wagtail.search.backends import get_search_backend

from people.factories import PersonFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def mention(page, person, role="Land rights defender"):
    page.people = [("person", {"person": person, "role": role})]
    page.save_revision().publish()
    return ProgrammePage.objects.get(pk=page.pk)


def surfaces(client, page):
    html = client.get(page.url).content.decode()
    api = client.get("/api/v3/route/", {"path": page.url}).json()["page"]["people_shown"]
    results = get_search_backend("en").search("Quispe", ProgrammePage.objects.filter(pk=page.pk))
    return html, api, [hit.pk for hit in results]


def test_a_named_person_is_named_everywhere(client, site_tree):
    page = mention(site_tree["en"]["programme"], PersonFactory(name="Ana Quispe"))
    html, api, found = surfaces(client, page)
    assert "Ana Quispe" in html
    assert api == [{"name": "Ana Quispe", "kind": "defender", "role": "Land rights defender"}]
    assert found == [page.pk]


def test_a_first_name_only_person_keeps_their_surname_off_every_surface(client, site_tree):
    page = mention(site_tree["en"]["programme"], PersonFactory(name="Ana Quispe", visibility="first_name"))
    html, api, found = surfaces(client, page)
    assert "Quispe" not in html and ">Ana<" in html
    assert api[0]["name"] == "Ana"
    assert found == []


def test_a_person_not_shown_leaves_no_trace_not_even_their_role(client, site_tree):
    page = mention(
        site_tree["en"]["programme"], PersonFactory(name="Ana Quispe", visibility="not_shown"), role="Cauca"
    )
    html, api, found = surfaces(client, page)
    assert "Quispe" not in html and "Cauca" not in html and 'id="people-heading"' not in html
    assert api == []
    assert found == []


def test_changing_a_persons_level_updates_the_search_index(
    client, site_tree, django_capture_on_commit_callbacks
):
    person = PersonFactory(name="Ana Quispe")
    page = mention(site_tree["en"]["programme"], person)
    assert surfaces(client, page)[2] == [page.pk]
    with django_capture_on_commit_callbacks(execute=True):
        person.visibility = "anonymous"
        person.save()
    assert surfaces(client, page)[2] == []
