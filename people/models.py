"""The people PI publishes about: defenders, MPs and partners, with their consent.

A defender named on the site can be found by those who threaten them. Every
surface (HTML, API, search index text) names a person through one function,
`people.display.display_name`, which reads the visibility level chosen with
them and the consent they gave; nothing else prints `Person.name` to visitors.

A person is one record for every language: a name is not translated, and the
consent covers the person, not a translation.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from people.forms import PersonForm
from people.vocabulary import Kind, Visibility


class Person(index.Indexed, ClusterableModel):
    name = models.CharField(_("full name"), max_length=255)
    first_name = models.CharField(
        _("first name"),
        max_length=100,
        blank=True,
        help_text=_(
            "Shown when only the first name may be published; defaults to the first word of the name."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEFENDER)
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.NOT_SHOWN,
        help_text=_("How visitors may see this person, as agreed with them."),
    )
    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=255,
        blank=True,
        help_text=_("The person themselves, or who agreed on their behalf."),
    )
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    consent_uses = models.JSONField(_("consent covers"), default=list, blank=True)
    consent_until = models.DateField(
        _("consent valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the consent has no end date. Editors are reminded before it ends."),
    )
    notes = models.TextField(_("internal notes"), blank=True, help_text=_("Never shown to visitors."))
    # Set by the consent check (people/consent.py) once the editors were warned of the end.
    consent_warned_at = models.DateTimeField(
        _("consent end announced at"), null=True, blank=True, editable=False
    )
    # Set by an emergency takedown (moderation/takedown.py): shown nowhere until restored.
    taken_down_at = models.DateTimeField(_("taken down at"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("first_name"),
        FieldPanel("kind"),
        FieldPanel("visibility"),
        MultiFieldPanel(
            [
                FieldPanel("consent_given_by"),
                FieldPanel("consent_date"),
                FieldPanel("consent_uses"),
                FieldPanel("consent_until"),
            ],
            heading=_("Consent"),
        ),
        InlinePanel("photos", label=_("Photos of this person")),
        FieldPanel("notes"),
    ]
    base_form_class = PersonForm
    # Editors find people by name in the admin; visitors' search never indexes this model.
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.consent_until and self.consent_date and self.consent_until < self.consent_date:
            raise ValidationError({"consent_until": _("The consent cannot end before it was given.")})
        if self.visibility != Visibility.NOT_SHOWN and not (self.consent_date and self.consent_given_by):
            raise ValidationError(
                {"visibility": _("Record who gave the consent and when before showing this person.")}
            )

    def save(self, *args, **kwargs):
        # A new end date deserves a new warning.
        if self.pk:
            previous = Person.objects.filter(pk=self.pk).values_list("consent_until", flat=True).first()
            if previous != self.consent_until:
                self.consent_warned_at = None
        super().save(*args, **kwargs)

    def consent_expired(self, today=None):
        today = today or timezone.localdate()
        return self.consent_until is not None and self.consent_until < today

    def consent_ends_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.consent_until is not None and self.consent_until <= today + datetime.timedelta(days=days)


class PersonPhoto(Orderable):
    """A photo in which the person appears: it is shown only as far as every person in it may be."""

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "website.CustomImage", verbose_name=_("image"), on_delete=models.CASCADE, related_name="people_tags"
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.UniqueConstraint(fields=["person", "image"], name="people_photo_once_per_person")
        ]


class WithheldPhoto(models.Model):
    """A photo moved to the restricted "Withheld: people" collection because someone in it may
    not be shown (people/photos.py), with the collection to put it back in."""

    image = models.OneToOneField("website.CustomImage", on_delete=models.CASCADE, related_name="+")
    original_collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withheld_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.image_id} (withheld)"
