from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image with a default alt text and a credit line.

    The alt text lives on the image so that every use of it is accessible by
    default; a block or page can still override it for its context.
    """

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describes the image for people who cannot see it. Leave empty only if it is decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick only if the image adds no information; it is then hidden from screen readers."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("alt_text", "decorative", "credit")

    @property
    def default_alt_text(self):
        return "" if self.decorative else self.alt_text

    @property
    def has_alt_decision(self):
        """Whether the editor described the image or chose to mark it decorative."""
        return self.decorative or bool(self.alt_text.strip())


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
