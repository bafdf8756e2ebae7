from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from people.blocks import PeopleBlock, PersonSchema
from people.display import display_name
from programmes.api import InstitutionSchema, ProgrammeCardSchema, institution_representation, programme_cards
from programmes.forms import RelatedProgrammesForm
from website.api_representations import PageImageSchema, text_about_image_api_field
from website.blocks import BodyBlock
from website.localized_relations import localize_all, localize_live_pages, source_locale_choices
from website.models import BasePage, HeroImageMixin
from website.visibility import public_pages, public_translations


@register_snippet
class Institution(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A kind of institution PI lobbies, e.g. Parliaments or UN institutions.

    Drafts and the Review workflow, as for pages: a translation is published by a
    moderator, and the site shows live institutions only.
    """

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Listed in full so that the scheduling fields of drafts (go_live_at, expire_at)
    # are not copied from the source, as wagtail-localize already does for pages.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ProgrammeIndexPage(BasePage):
    """'International advocacy': the five programmes and the institutions they target."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    institutions_heading = models.CharField(
        _("institutions heading"), max_length=255, default="Who we work to influence"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("institutions_heading"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1

    api_fields = BasePage.api_fields + [
        APIField("introduction", writable=True),
        APIField("institutions_heading", writable=True),
        APIField("programme_cards"),
        APIField("institution_list"),
    ]

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")

    @property
    def programme_cards(self) -> list[ProgrammeCardSchema]:
        """The programmes the HTML index lists, in the same order and languages."""
        return programme_cards(self.listed_programmes())

    @property
    def institution_list(self) -> list[InstitutionSchema]:
        return [institution_representation(item) for item in self.listed_institutions()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's fragment is not in the cache (website/fragment_cache.py).
        context["programmes"] = SimpleLazyObject(self.listed_programmes)
        context["institutions"] = self.listed_institutions()
        return context

    def listed_institutions(self):
        """This language's live institutions, listed like the programmes: the source
        language's ones in this language where a live translation exists, else in their
        own language (templates badge them), then those that exist only in this language."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return list(Institution.objects.filter(locale=self.locale, live=True).select_related("locale"))
        # Both languages in one query, in the institutions' own order.
        rows = Institution.objects.filter(
            Q(locale=self.locale) | Q(locale__language_code=settings.LANGUAGE_CODE), live=True
        ).select_related("locale")
        own = [item for item in rows if item.locale_id == self.locale_id]
        translated = {item.translation_key: item for item in own}
        listed = [
            translated.get(item.translation_key, item) for item in rows if item.locale_id != self.locale_id
        ]
        keys = {item.translation_key for item in listed}
        return listed + [item for item in own if item.translation_key not in keys]

    def listed_programmes(self):
        """This language's programmes: the source index's ones in this language where
        translated, else in their own language (templates badge them), then those that
        exist only in this language. The source-language index needs one query."""
        own = public_pages(ProgrammePage.objects.child_of(self)).select_related("locale")
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return own
        # The public translations are read once per request (the page's hreflang links need them);
        # a source index that is not public has no public programmes to list.
        source_index = public_translations(self).get(settings.LANGUAGE_CODE)
        if source_index is None:
            return list(own)
        listed = localize_live_pages(public_pages(ProgrammePage.objects.child_of(source_index)), self.locale)
        keys = [page.translation_key for page in listed]
        return listed + list(own.exclude(translation_key__in=keys))


class ProgrammePage(HeroImageMixin, BasePage):
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and at the top of the page.")
    )
    hero_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    # Named only as each person's consent allows (people/display.py).
    people = StreamField(PeopleBlock(), verbose_name=_("people"), blank=True)
    institutions = ParentalManyToManyField(
        Institution,
        verbose_name=_("institutions targeted"),
        blank=True,
        related_name="programmes",
        limit_choices_to=source_locale_choices,
    )
    # Chosen among the programmes in the page's own language (programmes/forms.py).
    related_programmes = ParentalManyToManyField(
        "self",
        verbose_name=_("related programmes"),
        blank=True,
        symmetrical=False,
    )
    contact_heading = models.CharField(_("contact heading"), max_length=255, blank=True)
    contact_text = models.TextField(_("contact text"), blank=True)
    contact_link_text = models.CharField(_("contact link text"), max_length=100, blank=True)
    contact_url = models.URLField(_("contact link"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [*HeroImageMixin.hero_panels, FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        FieldPanel("people"),
        FieldPanel("institutions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_programmes"),
        MultiFieldPanel(
            [
                FieldPanel("contact_heading"),
                FieldPanel("contact_text"),
                FieldPanel("contact_link_text"),
                FieldPanel("contact_url"),
            ],
            heading=_("Contact or call to action"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("people"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    base_form_class = RelatedProgrammesForm

    api_fields = BasePage.api_fields + [
        APIField("summary", writable=True),
        *HeroImageMixin.hero_api_fields,
        text_about_image_api_field("hero_credit", "hero_image"),
        APIField("body", writable=True),
        APIField("people_shown"),
        APIField("targeted_institutions"),
        APIField("related_programme_cards"),
        APIField("contact_heading", writable=True),
        APIField("contact_text", writable=True),
        APIField("contact_link_text", writable=True),
        APIField("contact_url", writable=True),
    ]

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    @property
    def hero(self) -> PageImageSchema | None:
        """The hero image with the alt text and credit that apply on this page."""
        representation = super().hero
        if representation is not None:
            representation["credit"] = self.hero_credit or self.hero_image.credit
        return representation

    @property
    def shown_people(self):
        """The people blocks visitors may see (the others are left out, role and all)."""
        return [block for block in self.people if display_name(block.value["person"]) is not None]

    @property
    def people_shown(self) -> list[PersonSchema]:
        return [block.block.get_api_representation(block.value) for block in self.shown_people]

    @property
    def targeted_institutions(self) -> list[InstitutionSchema]:
        return [
            institution_representation(item)
            for item in localize_all(self.institutions.select_related("locale"), self.locale)
        ]

    @property
    def related_programme_cards(self) -> list[ProgrammeCardSchema]:
        return programme_cards(localize_live_pages(self.related_programmes.all(), self.locale))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["institutions"] = localize_all(self.institutions.select_related("locale"), self.locale)
        # Read only when the template's fragment is not in the cache (website/fragment_cache.py).
        context["related"] = SimpleLazyObject(
            lambda: localize_live_pages(self.related_programmes.all(), self.locale)
        )
        return context
