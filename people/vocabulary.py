"""The words a person record is made of: kinds, visibility levels and uses of consent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DEFENDER = "defender", _("Human rights defender")
    MP = "mp", _("Member of parliament")
    PARTNER = "partner", _("Partner")


class Visibility(models.TextChoices):
    """From the most open to the most restrictive: the order `most_restrictive` reads."""

    NAMED = "named", _("Named in full")
    FIRST_NAME = "first_name", _("First name only")
    ANONYMOUS = "anonymous", _("Anonymous")
    NOT_SHOWN = "not_shown", _("Not to be shown")


RESTRICTIVENESS = [Visibility.NAMED, Visibility.FIRST_NAME, Visibility.ANONYMOUS, Visibility.NOT_SHOWN]


def most_restrictive(levels):
    """The most restrictive of `levels` (NAMED when there are none)."""
    return max(levels, key=RESTRICTIVENESS.index, default=Visibility.NAMED)


class ConsentUse(models.TextChoices):
    WEBSITE = "website", _("This website and its API")
    PHOTOS = "photos", _("Photos")
    SOCIAL = "social", _("Social media")
    PRINT = "print", _("Printed publications")
