"""The resource library: publications (manuals, reports, legal instruments) and their files.

A publication is one `ResourcePage`, translated like any page (title, summary, cover alt text),
while its facts — dates, identifiers, files, type, topics, regions, countries and programmes —
are one record shared by every language. wagtail-localize copies those facts to translations
when it syncs them (see `override_translatable_fields`), and the site always reads them from the
source-language page (`facts`), so a translation that has not been re-synced yet still shows the
right files and links.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from programmes.forms import RelatedProgrammesForm
from resources import api_representations, library, views
from resources.languages import language_choices
from resources.search_text import publication_search_text
from website.api_representations import text_about_image_api_field
from website.localized_relations import source_locale_choices
from website.models import BasePage


class TaxonomySnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A translatable label publications are filed under.

    The slug is the same in every language (it is what filter URLs carry), so it is
    synchronised rather than translated. Labels have drafts and go through the Review
    workflow like pages; the site shows live labels only.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in the library's filter links; keep it short.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Listed in full so that the scheduling fields of drafts (go_live_at, expire_at)
    # are not copied from the source, as wagtail-localize already does for pages.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        duplicate = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.slug and duplicate.exists():
            raise ValidationError({"slug": _("Another entry already uses this slug.")})


@register_snippet
class ResourceType(TaxonomySnippet):
    """Manual, report, policy brief, legal instrument…"""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")


@register_snippet
class Topic(TaxonomySnippet):
    """One of PI's themes, e.g. public policies or collective protection."""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


@register_snippet
class Region(TaxonomySnippet):
    """A world region, e.g. Africa or the Americas."""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class ResourceIndexPage(RoutablePageMixin, BasePage):
    """The library: every publication, with filters, facet counts and feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    # The filtered list itself is the API's library/ endpoint.
    api_fields = BasePage.api_fields + [APIField("introduction", writable=True)]

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def source_library(self):
        """The library in the source language, whose publications carry the facts."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = self.get_translation_or_none(Locale.get_default())
        return source.specific if source is not None else self

    @path("")
    def library_view(self, request):
        return views.library_page(request, self)

    @path("feed/")
    def feed_view(self, request):
        return views.library_feed(request, self)

    def get_cached_paths(self):
        # The HTTP cache purges the feed with the library (website/frontend_cache.py).
        return ["/", "/feed/"]


class ResourcePage(BasePage):
    """A publication or reference text, with its files in one or more languages."""

    DATE_PRECISION_CHOICES = [("day", _("Day")), ("month", _("Month")), ("year", _("Year only"))]

    summary = models.TextField(_("summary"), help_text=_("What the publication is and who it is for."))
    publication_date = models.DateField(
        _("publication date"),
        help_text=_("If only the year is known, enter 1 January and choose 'Year only'."),
        db_index=True,  # the library sorts and filters by it
    )
    publication_date_precision = models.CharField(
        _("publication date is known to the"), max_length=5, choices=DATE_PRECISION_CHOICES, default="day"
    )
    adopted_date = models.DateField(_("date adopted"), null=True, blank=True)
    in_force_date = models.DateField(_("date in force"), null=True, blank=True)
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True, help_text=_("E.g. CC BY-NC-ND 4.0"))
    original_url = models.URLField(_("link to the original publisher"), blank=True)
    cover_image = models.ForeignKey(
        "website.CustomImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("cover alt text"),
        max_length=255,
        blank=True,
        help_text=_("Overrides the image's own alt text here."),
    )
    resource_type = models.ForeignKey(
        ResourceType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="resources",
        limit_choices_to=source_locale_choices,
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="resources",
        limit_choices_to=source_locale_choices,
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="resources",
        limit_choices_to=source_locale_choices,
    )
    # Chosen among the programmes in the page's own language (programmes/forms.py).
    related_programmes = ParentalManyToManyField(
        "programmes.ProgrammePage",
        verbose_name=_("related programmes"),
        blank=True,
        related_name="resources",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publication_date_precision")]),
                FieldRowPanel([FieldPanel("adopted_date"), FieldPanel("in_force_date")]),
            ],
            heading=_("Dates"),
        ),
        InlinePanel("files", label=_("File"), min_num=0),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("publisher"),
                InlinePanel("identifiers", label=_("Identifier")),
                FieldPanel("licence"),
                FieldPanel("original_url"),
            ],
            heading=_("Publication details"),
        ),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                InlinePanel("countries", label=_("Country")),
                FieldPanel("related_programmes"),
            ],
            heading=_("Classification"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("search_facts_text"),
        index.FilterField("publication_date"),
    ]

    # Facts are one record in every language: wagtail-localize copies them on sync
    # instead of offering them for translation (names, numbers and the type link
    # stay the source-language record; website/localized_relations.py shows the
    # snippets in the visitor's language). wagtail-localize skips many-to-many
    # fields unless they are named here, and even then does not copy an emptied
    # one, which is why the site reads every fact from the source page (`facts`).
    override_translatable_fields = [
        SynchronizedField("authors"),
        SynchronizedField("publisher"),
        SynchronizedField("licence"),
        SynchronizedField("resource_type"),
        SynchronizedField("topics"),
        SynchronizedField("regions"),
        SynchronizedField("related_programmes"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    base_form_class = RelatedProgrammesForm

    api_fields = BasePage.api_fields + [
        APIField("summary", writable=True),
        APIField("publication_date", writable=True),
        APIField("publication_date_precision", writable=True),
        APIField("adopted_date", writable=True),
        APIField("in_force_date", writable=True),
        APIField("authors", writable=True),
        APIField("publisher", writable=True),
        APIField("licence", writable=True),
        APIField("original_url", writable=True),
        APIField("cover_image"),
        text_about_image_api_field("cover_alt_text", "cover_image"),
        APIField("publication"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        if self.cover_image_id and not (self.cover_alt_text or self.cover_image.alt_text):
            raise ValidationError({"cover_alt_text": _("Describe the cover for people who cannot see it.")})
        if self.adopted_date and self.in_force_date and self.in_force_date < self.adopted_date:
            raise ValidationError({"in_force_date": _("A text cannot come into force before it is adopted.")})

    def search_facts_text(self):
        """Identifiers, authors, taxonomy labels and PDF text, for full-text search."""
        return publication_search_text(self)

    @property
    def cover_alt(self):
        return self.cover_alt_text or (self.cover_image.alt_text if self.cover_image else "")

    @property
    def publication(self) -> api_representations.PublicationDetailsSchema:
        """Files (URL, language, format, size), type, topics, regions, countries, identifiers."""
        return api_representations.publication_representation(self)

    @cached_property
    def facts(self):
        """The source-language page, which holds the facts shared by every language.

        Falls back to this page where the source is not live (then its own synced copy is
        the best record there is).
        """
        if self.locale_id == Locale.get_default().pk:
            return self
        source = (
            ResourcePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .live()
            .first()
        )
        return source or self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library.publication_details(self))
        return context


class ResourceFile(Orderable):
    """One file of a publication: the document, its language and an optional label."""

    page = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "website.CustomDocument", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("Optional, e.g. 'Chapter 1' or 'Summary'.")
    )

    panels = [FieldPanel("document"), FieldPanel("language"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")


class ResourceIdentifier(Orderable):
    """An ISBN, a UN document symbol (A/RES/53/144) or another reference number."""

    SCHEME_CHOICES = [
        ("isbn", _("ISBN")),
        ("issn", _("ISSN")),
        ("un-symbol", _("UN document symbol")),
        ("doi", _("DOI")),
        ("other", _("Reference number")),
    ]

    page = ParentalKey(ResourcePage, related_name="identifiers", on_delete=models.CASCADE)
    scheme = models.CharField(_("kind"), max_length=20, choices=SCHEME_CHOICES)
    value = models.CharField(_("identifier"), max_length=255)
    language = models.CharField(
        _("edition"),
        max_length=8,
        blank=True,
        choices=language_choices,
        help_text=_("The language edition it belongs to, if it is not the same for all."),
    )

    panels = [FieldRowPanel([FieldPanel("scheme"), FieldPanel("value"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")


class ResourceCountry(Orderable):
    """A country a publication is about, by ISO 3166 code; named in the visitor's language."""

    page = ParentalKey(ResourcePage, related_name="countries", on_delete=models.CASCADE)
    country = CountryField(_("country"))

    panels = [FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
