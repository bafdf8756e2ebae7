from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from programmes.api import ProgrammeCardSchema, programme_cards
from website.localized_relations import localize_live_pages
from website.models import BasePage
from website.visibility import public_link_target_by_id


class HomePage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_heading = models.CharField(_("featured heading"), max_length=255, default="Our programmes")
    call_to_action_heading = models.CharField(_("call to action heading"), max_length=255, blank=True)
    call_to_action_text = models.TextField(_("call to action text"), blank=True)
    call_to_action_link_text = models.CharField(_("call to action link text"), max_length=100, blank=True)
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("featured_heading"), InlinePanel("featured_programmes", label=_("Programme"))],
            heading=_("Featured programmes"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_heading"),
                FieldPanel("call_to_action_text"),
                FieldPanel("call_to_action_link_text"),
                FieldPanel("call_to_action_page"),
            ],
            heading=_("Call to action"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    api_fields = BasePage.api_fields + [
        APIField("introduction", writable=True),
        APIField("featured_heading", writable=True),
        APIField("featured_programme_cards"),
        APIField("call_to_action_heading", writable=True),
        APIField("call_to_action_text", writable=True),
        APIField("call_to_action_link_text", writable=True),
        APIField("call_to_action_page"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def featured_programme_cards(self) -> list[ProgrammeCardSchema]:
        """The featured programmes as the home page lists them, in this page's language."""
        return programme_cards(self.featured_programmes_in_language())

    def featured_programmes_in_language(self):
        # Translations copy these rows as they are, pointing at the source
        # language's programmes: show each in this page's language where it exists.
        programmes = [item.programme for item in self.featured_programmes.select_related("programme")]
        return localize_live_pages(programmes, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's fragment is not in the cache (website/fragment_cache.py).
        context["featured_programmes"] = SimpleLazyObject(self.featured_programmes_in_language)
        # A draft or private page keeps the call to action unlinked.
        context["call_to_action_target"] = public_link_target_by_id(self.call_to_action_page_id)
        return context


class FeaturedProgramme(Orderable):
    """A programme shown on the home page; wagtail-localize maps it to the translation."""

    home_page = ParentalKey(HomePage, related_name="featured_programmes", on_delete=models.CASCADE)
    programme = models.ForeignKey(
        "programmes.ProgrammePage", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("programme")]
