"""How a person is named to visitors: the one answer every surface asks.

HTML templates, API representations and search index text all name a person
through `display_name`, so a defender shown by first name only, say, is never
named in full by a forgotten template or serializer.
"""

import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.vocabulary import ConsentUse, Kind, Visibility, most_restrictive

ANONYMOUS_LABELS = {
    Kind.DEFENDER: _("A human rights defender"),
    Kind.MP: _("A member of parliament"),
    Kind.PARTNER: _("A partner"),
}


def effective_visibility(person, today=None):
    """The level that applies today: the one agreed with the person, or NOT_SHOWN when no
    consent covers this website, when it has ended, or when the person was taken down."""
    if person is None or person.taken_down_at is not None:
        return Visibility.NOT_SHOWN
    if not person.consent_date or ConsentUse.WEBSITE not in (person.consent_uses or []):
        return Visibility.NOT_SHOWN
    if person.consent_expired(today or timezone.localdate()):
        return Visibility.NOT_SHOWN
    return Visibility(person.visibility)


def display_name(person, today=None):
    """What visitors read in place of the person's name, in the active language; None: nothing
    at all (the mention is left out)."""
    level = effective_visibility(person, today)
    if level == Visibility.NAMED:
        return person.name
    if level == Visibility.FIRST_NAME:
        return person.first_name or person.name.split()[0]
    if level == Visibility.ANONYMOUS:
        return str(ANONYMOUS_LABELS[person.kind])
    return None


def searchable_name(person):
    """The words the search index may hold for a person: their shown name, never a label."""
    level = effective_visibility(person)
    return [display_name(person)] if level in (Visibility.NAMED, Visibility.FIRST_NAME) else []


def photo_visibility(image, today=None):
    """A photo follows the most restrictive visibility of the people tagged in it. Anonymity
    ends at a face: a photo of an anonymous person is not shown either."""
    people = [tag.person for tag in image.people_tags.select_related("person")]
    level = most_restrictive(effective_visibility(person, today) for person in people)
    return Visibility.NOT_SHOWN if level == Visibility.ANONYMOUS else level


def is_photo_shown(image, today=None):
    return photo_visibility(image, today) != Visibility.NOT_SHOWN


def name_people_as_shown(image, texts):
    """`texts` about a photo (its alt text, its caption) with each person tagged in it named as
    they may be: an editor who typed a full name in a caption cannot undo a "first name only".

    A photo of someone who may not be named at all is withheld whole (people/photos.py), so
    only first names are left to put in place of full ones here.
    """
    for tag in image.people_tags.select_related("person"):
        shown = display_name(tag.person)
        if shown and shown != tag.person.name:
            full_name = re.compile(rf"\b{re.escape(tag.person.name)}\b")
            texts = [full_name.sub(shown, text) for text in texts]
    return texts
