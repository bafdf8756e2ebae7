from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from website.document_files import check_content

ALT_TEXT_REQUIRED = _("Describe the image, or mark it as decorative.")


class CustomImageForm(BaseImageForm):
    """The image form in the admin: an image needs alt text, or is marked decorative on purpose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields and "decorative" in self.fields:
            # website/static/website/js/image_alt_text.js says it before the upload, so the
            # chosen file is not lost to a round trip.
            self.fields["alt_text"].widget.attrs["data-alt-text-required"] = ALT_TEXT_REQUIRED

    def clean(self):
        cleaned_data = super().clean()
        if "alt_text" in self.fields and "decorative" in self.fields:
            if not (cleaned_data.get("alt_text", "").strip() or cleaned_data.get("decorative")):
                self.add_error("alt_text", ALT_TEXT_REQUIRED)
            elif cleaned_data.get("decorative"):
                cleaned_data["alt_text"] = ""  # a decorative image is hidden from screen readers
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        chosen = self.files.get("file") if self.is_bound and "file" in self.fields else None
        if chosen is not None and self._errors and "file" not in self._errors:
            # A browser empties a file input whenever the form comes back with an
            # error; say which file to choose again. Help, not an error: Wagtail's
            # multiple upload keeps the file itself when only other fields fail.
            note = _("Choose “%(name)s” again: files are not kept when the form has errors.") % {
                "name": chosen.name
            }
            # The bound field copied the help text when validation created it.
            self.fields["file"].help_text = self["file"].help_text = note


class CustomDocumentForm(BaseDocumentForm):
    """The document form in the admin and the API: a file must be what its extension says."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_content(file)
        return file
