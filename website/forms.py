from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CustomImageForm(BaseImageForm):
    """The image form in the admin: an image needs alt text, or is marked decorative on purpose."""

    def clean(self):
        cleaned_data = super().clean()
        if "alt_text" in self.fields and "decorative" in self.fields:
            if not (cleaned_data.get("alt_text", "").strip() or cleaned_data.get("decorative")):
                self.add_error("alt_text", _("Describe the image, or mark it as decorative."))
            elif cleaned_data.get("decorative"):
                cleaned_data["alt_text"] = ""  # a decorative image is hidden from screen readers
        return cleaned_data
