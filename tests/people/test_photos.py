"""A photo is withheld while anyone in it may not be shown, and comes back when they may."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection

from people.consent import check_consents
from people.factories import PersonFactory
from people.models import PersonPhoto
from website.factories import CustomImageFactory
from website.visibility import restricted_collection_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo():
    return CustomImageFactory(collection=Collection.get_first_root_node().add_child(name="Campaign 2026"))


def is_withheld(image):
    image.refresh_from_db()
    return image.collection_id in restricted_collection_ids()


def tag(person, image, commit):
    with commit(execute=True):
        PersonPhoto.objects.create(person=person, image=image)


def test_a_photo_of_an_anonymous_person_is_withheld_and_returns_when_they_may_be_named(
    photo, django_capture_on_commit_callbacks
):
    original = photo.collection_id
    person = PersonFactory(visibility="anonymous")
    tag(person, photo, django_capture_on_commit_callbacks)
    assert is_withheld(photo)

    with django_capture_on_commit_callbacks(execute=True):
        person.visibility = "named"
        person.save()
    assert not is_withheld(photo) and photo.collection_id == original


def test_one_person_who_may_not_be_shown_withholds_a_group_photo(photo, django_capture_on_commit_callbacks):
    tag(PersonFactory(visibility="named"), photo, django_capture_on_commit_callbacks)
    assert not is_withheld(photo)
    tag(PersonFactory(visibility="not_shown"), photo, django_capture_on_commit_callbacks)
    assert is_withheld(photo)


def test_a_photo_is_withheld_once_the_consent_has_ended(photo, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    person = PersonFactory(consent_until=today)
    tag(person, photo, django_capture_on_commit_callbacks)
    check_consents(today)
    assert not is_withheld(photo)
    check_consents(today + datetime.timedelta(days=1))
    assert is_withheld(photo)


def test_a_caption_names_a_person_in_the_photo_only_as_they_may_be_named(
    client, site_tree, photo, django_capture_on_commit_callbacks
):
    person = PersonFactory(name="Maria Lopez", first_name="Maria", visibility="first_name")
    tag(person, photo, django_capture_on_commit_callbacks)
    programme = site_tree["en"]["programme"]
    programme.body = [
        {
            "type": "image",
            "value": {
                "image": photo.pk,
                "alt_text": "Maria Lopez speaking to members of parliament",
                "caption": "Maria Lopez at the hearing in Brussels",
                "credit": "",
            },
        }
    ]
    programme.save_revision().publish()

    html = client.get(programme.url).content.decode()
    block = client.get("/api/v3/route/", {"path": programme.url}).json()["page"]["body"][0]["value"]

    assert "Lopez" not in html and "Lopez" not in str(block)
    assert 'alt="Maria speaking to members of parliament"' in html
    assert "Maria at the hearing in Brussels" in html
    assert (block["alt"], block["caption"]) == (
        "Maria speaking to members of parliament",
        "Maria at the hearing in Brussels",
    )
