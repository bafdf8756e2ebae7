from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def _page_chooser(verbose_name, help_text):
    # The page in the site's default language: the footer links to its translation in the
    # visitor's language where one is live (website/templatetags/website_tags.py).
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        help_text=help_text,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="site")
class OrganisationSettings(BaseGenericSetting):
    """The site's frame: contact details, footer links and profiles, also given to front ends by the API."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=255, default="Protection International"
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    contact_page = _page_chooser(
        _("contact page"),
        _("Where “Contact us” buttons lead. Without it they open an email to the contact address."),
    )
    privacy_page = _page_chooser(_("privacy notice"), _("Linked from the footer of every page."))
    legal_page = _page_chooser(_("legal information"), _("Linked from the footer of every page."))
    donate_url = models.URLField(_("donation page"), blank=True)
    facebook_url = models.URLField(_("Facebook profile"), blank=True)
    x_url = models.URLField(_("X profile"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("postal_address")],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("legal_page"),
                FieldPanel("donate_url"),
            ],
            heading=_("Pages every page links to"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social profiles (plain links, no widgets)"),
        ),
    ]

    class Meta:
        verbose_name = _("organisation")

    def social_profiles(self):
        """(name, url) of each profile set, in a fixed order; names are brands, never translated."""
        profiles = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in profiles if url]
