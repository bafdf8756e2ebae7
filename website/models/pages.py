from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from website.frontend_preview import HeadlessPreviewMixin
from website.publishing import PublishingPageForm


class BasePage(HeadlessPreviewMixin, Page):
    """Fields every page has: what listings, search engines and social cards show.

    `api_fields` are what API v3 returns for every page type; each page type adds its own.
    """

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("A sentence or two shown in lists, search results and social cards."),
    )
    social_image = models.ForeignKey(
        "website.CustomImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("social_image")],
            heading=_("Listings and social cards"),
        )
    ]

    api_fields = [APIField("listing_summary", writable=True), APIField("social_image")]
    base_form_class = PublishingPageForm

    class Meta:
        abstract = True

    def route(self, request, path_components):
        # Wagtail's Page.route checks only the last page of the path, so a live page
        # below an unpublished one would still be served.
        if path_components and not self.live:
            raise Http404
        return super().route(request, path_components)

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary
