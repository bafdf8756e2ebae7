import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.log_actions import log
from wagtail.models import Page, PagePermissionTester

from website import routing
from website.api_representations import PageImageSchema, image_representation, text_about_image_api_field
from website.frontend_preview import HeadlessPreviewMixin
from website.publishing import PlaceholderCheckedPublishAction, PlaceholderError, PublishingPageForm

logger = logging.getLogger(__name__)


class PagePermissions(PagePermissionTester):
    """Wagtail's page permissions, narrowed by the apps that need it, through public hooks.

    Wagtail has no page "delete" permission: "add" or "change" lets a user delete
    pages (wagtail/rfcs#52 proposes one). A `page_deletion_allowed` hook,
    `fn(user, page) -> bool`, can withhold deletion, and so moving, which
    Wagtail's `can_move` asks `can_delete` for. Every delete and move path (the
    delete and move views, bulk actions, buttons, API v3) asks the page's
    `permissions_for_user`.
    """

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and all(
            allowed(self.user, self.page) for allowed in hooks.get_hooks("page_deletion_allowed")
        )


class HeroImageMixin(models.Model):
    """A hero image at the top of the page, with the page's own alt text for it (else the image's)."""

    hero_image = models.ForeignKey(
        "website.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("hero image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Overrides the image's own alt text here."),
    )

    hero_panels = [FieldPanel("hero_image"), FieldPanel("hero_alt_text")]
    hero_api_fields = [
        APIField("hero_image"),
        text_about_image_api_field("hero_alt_text", "hero_image"),
        APIField("hero"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not (self.hero_alt_text or self.hero_image.has_alt_decision):
            raise ValidationError(
                {"hero_alt_text": _("Describe the hero image for people who cannot see it.")}
            )

    @property
    def hero_alt(self):
        return self.hero_alt_text or (self.hero_image.alt_text if self.hero_image else "")

    @property
    def hero(self) -> PageImageSchema | None:
        """The hero image with the alt text that applies on this page; None if none or private."""
        if self.hero_image is None:
            return None
        return image_representation(self.hero_image, alt=self.hero_alt)


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

    def permissions_for_user(self, user):
        return PagePermissions(user, self)

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Wagtail's publish, refusing a revision that holds a placeholder (website/publishing.py)."""
        action = PlaceholderCheckedPublishAction(
            revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision
        )
        try:
            return action.execute(skip_permission_checks=skip_permission_checks)
        except PlaceholderError as error:
            if revision.approved_go_live_at is None:
                raise
            # The scheduler (`publish_scheduled`) has nobody to tell and other pages to
            # publish: the revision leaves the schedule, and the page's history says why.
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            log(self, "website.publish_refused", revision=revision, data={"placeholder": error.placeholder})
            logger.warning("Scheduled publishing of page %s refused: it holds a placeholder", self.pk)
            return None

    class Meta:
        abstract = True

    def route(self, request, path_components):
        # Wagtail's Page.route checks only the last page of the path, so a live page
        # below an unpublished one would still be served.
        if path_components and not self.live:
            raise Http404
        if self.depth == 2 and not hasattr(self, routing.ROUTED_ANCESTORS):
            setattr(self, routing.ROUTED_ANCESTORS, [])  # a home page: the tree's root alone above
            routing.with_active_locale(self)
            routing.remember_home(self)
        if path_components:
            return routing.route_below(self, request, path_components, BasePage.route)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        return routing.view_restrictions(self, super().get_view_restrictions)

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary
