"""One function names a person, as agreed with them and as long as their consent lasts."""

import datetime

import pytest
from django.utils import translation

from people.display import display_name, is_photo_shown, searchable_name
from people.factories import PersonFactory
from people.models import PersonPhoto
from website.factories import CustomImageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("level", "first_name", "shown"),
    [
        ("named", "", "Ana María Quispe"),
        ("first_name", "", "Ana"),
        ("first_name", "Ana María", "Ana María"),
        ("anonymous", "", "A human rights defender"),
        ("not_shown", "", None),
    ],
)
def test_each_level_names_the_person_as_agreed(level, first_name, shown):
    person = PersonFactory(name="Ana María Quispe", first_name=first_name, visibility=level)
    assert display_name(person, TODAY) == shown


def test_the_anonymous_label_follows_the_kind_and_the_language():
    person = PersonFactory(kind="mp", visibility="anonymous")
    with translation.override("fr"):
        french = display_name(person, TODAY)
    assert display_name(person, TODAY) == "A member of parliament"
    assert french != "A member of parliament" and french


def test_no_one_is_named_without_consent_for_this_website():
    assert display_name(PersonFactory(consent_uses=["print"]), TODAY) is None
    assert display_name(PersonFactory(consent_date=None), TODAY) is None


def test_a_consent_is_valid_through_its_last_day_and_no_longer():
    person = PersonFactory(name="Ana Quispe", consent_until=TODAY)
    assert display_name(person, TODAY) == "Ana Quispe"
    assert display_name(person, TODAY + datetime.timedelta(days=1)) is None


def test_a_person_taken_down_is_named_nowhere():
    person = PersonFactory(taken_down_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC))
    assert display_name(person, TODAY) is None


def test_the_search_index_holds_a_shown_name_never_an_anonymous_label():
    assert searchable_name(PersonFactory(name="Ana Quispe", visibility="first_name")) == ["Ana"]
    assert searchable_name(PersonFactory(visibility="anonymous")) == []


def test_a_photo_follows_the_most_restrictive_person_in_it():
    image = CustomImageFactory()
    assert is_photo_shown(image)  # nobody tagged
    PersonPhoto.objects.create(person=PersonFactory(visibility="named"), image=image)
    assert is_photo_shown(image)
    PersonPhoto.objects.create(person=PersonFactory(visibility="anonymous"), image=image)
    assert not is_photo_shown(image)
