"""Workaround: Wagtail counts an upload's pixels only after decoding all of them.

`WagtailImageField.check_image_pixel_size` (wagtail/images/fields.py) asks Willow for
the size, and Willow's Pillow plugin `load()`s the whole image to answer: a
decompression bomb below Pillow's own hard limit (2 × `PIL.Image.MAX_IMAGE_PIXELS`,
about 179 million pixels) is decoded in full, in the request, before
WAGTAILIMAGES_MAX_IMAGE_PIXELS refuses it. And a file whose header is fine but whose
data is cut short raises `OSError` there: a 500 instead of a form error.

`apply()` reads the size from the header first (no pixel decoded) and refuses with
Wagtail's own message; then runs upstream's check, a truncated file giving Django's
"Upload a valid image" error.

Upstream: no issue found in wagtail/wagtail; the text to file is in upstream/ISSUES.md.
Delete this module when Wagtail checks the pixel count without decoding
(tests/upstream/test_wagtail_image_pixel_check.py says so).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField

UPSTREAM_CHECK_IMAGE_PIXEL_SIZE = WagtailImageField.check_image_pixel_size


def _too_many(field, count):
    return ValidationError(
        field.error_messages["file_too_many_pixels"]
        % {"num_pixels": count, "max_pixels_count": field.max_image_pixels},
        code="file_too_many_pixels",
    )


def _invalid(field):
    return ValidationError(field.error_messages["invalid_image"], code="invalid_image")


def check_image_pixel_size(self, f):
    if self.max_image_pixels is not None:
        f.seek(0)
        try:
            with PILImage.open(f) as picture:  # the header only
                pixels = picture.size[0] * picture.size[1]
                if pixels > self.max_image_pixels:
                    raise _too_many(self, pixels)
                # Counting frames reads the file (each frame's header and data), not the pixels
                # of all of them at once; only once one frame is known to be small enough.
                pixels *= getattr(picture, "n_frames", 1)
                if pixels > self.max_image_pixels:
                    raise _too_many(self, pixels)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise _too_many(self, _("unknown number")) from None
        except (OSError, ValueError, SyntaxError) as error:
            raise _invalid(self) from error
        finally:
            f.seek(0)
    try:
        UPSTREAM_CHECK_IMAGE_PIXEL_SIZE(self, f)
    except (OSError, ValueError, SyntaxError) as error:
        raise _invalid(self) from error


def apply():
    WagtailImageField.check_image_pixel_size = check_image_pixel_size
