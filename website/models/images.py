import functools
import io
import os

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps, ImageSequence, UnidentifiedImageError
from pillow_heif import HeifImagePlugin  # noqa: F401  (Pillow opens and writes HEIC with it)
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from website.storage import PRIVATE_PREFIX

# Where Pillow (and pillow-heif, for HEIC) keeps what a camera or an editing tool wrote
# into the file: EXIF (GPS position, camera serial, artist, date), XMP, IPTC, comments.
IDENTIFYING_METADATA = (
    "exif",
    "xmp",
    "XML:com.adobe.xmp",
    "photoshop",
    "iptc",
    "comment",
    "Comment",
    "metadata",
)
# Every format Wagtail accepts (WAGTAILIMAGES_EXTENSIONS: AVIF, GIF, JPEG, PNG, WebP; HEIC
# where enabled) and the ones Pillow may report for them (MPO: a JPEG with a second picture).
REWRITABLE_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "AVIF", "GIF", "HEIF", "TIFF")
# What a re-encoded animation must keep to play as before; nothing else of `info` is copied.
ANIMATION_INFO = ("duration", "loop", "transparency", "background", "disposal")


def carries_metadata(picture):
    if picture.getexif():
        return True
    for frame in ImageSequence.Iterator(picture):
        if any(frame.info.get(key) for key in IDENTIFYING_METADATA):
            return True
    return False


def _clean_frames(picture):
    """Each frame upright and with nothing of the original's `info` but how to play it."""
    frames = []
    for frame in ImageSequence.Iterator(picture):
        kept = {key: frame.info[key] for key in ANIMATION_INFO if key in frame.info}
        clean = ImageOps.exif_transpose(frame.copy())
        clean.info = {}  # Pillow's writers copy EXIF, XMP and comments from here by default
        clean.encoderinfo = {}
        frames.append((clean, kept))
    return frames


def without_metadata(file):
    """The image's bytes with no EXIF/XMP/IPTC/comment, or None if it carried none.

    Photos of defenders can give away where they were taken, with which camera
    and by whom. The orientation is applied to the pixels first, so that nothing
    turns on its side; an animation keeps its frames, timing and loop.
    """
    file.seek(0)
    try:
        picture = PillowImage.open(file)
        picture.load()
    except (UnidentifiedImageError, OSError, PillowImage.DecompressionBombError):
        return None  # not for us to judge: Wagtail's own validation reports it
    if picture.format not in REWRITABLE_FORMATS or not carries_metadata(picture):
        return None
    image_format = "JPEG" if picture.format == "MPO" else picture.format
    icc_profile = picture.info.get("icc_profile")
    frames = _clean_frames(picture)
    if image_format == "JPEG":
        frames = frames[:1]  # an MPO's second (depth, preview) picture is not kept
    first, first_info = frames[0]
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        options |= {"quality": 92, "optimize": True}
    elif image_format in ("AVIF", "HEIF", "WEBP"):
        options |= {"quality": 90}
    if len(frames) > 1:
        options |= {
            "save_all": True,
            "append_images": [frame for frame, _info in frames[1:]],
            "duration": [info.get("duration", 100) for _frame, info in frames],
        }
        if "loop" in first_info:
            options["loop"] = first_info["loop"]
    if image_format == "GIF":
        options |= {key: first_info[key] for key in ("transparency", "disposal") if key in first_info}
    output = io.BytesIO()
    first.save(output, format=image_format, **options)
    return output.getvalue(), first.size


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

    # Wagtail's own "description" is its alt text field: next to this model's alt_text
    # and "decorative" it would ask editors for the same thing twice.
    admin_form_fields = tuple(name for name in Image.admin_form_fields if name != "description") + (
        "alt_text",
        "decorative",
        "credit",
    )

    class Meta(AbstractImage.Meta):
        # Editors see "New: Image", not the class name "Custom image".
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def _set_image_file_metadata(self):
        # Wagtail calls this whenever a new file arrives (single and multiple
        # upload, file replaced): the one place to strip what could identify a person.
        self.strip_identifying_metadata()
        super()._set_image_file_metadata()

    def strip_identifying_metadata(self):
        """Rewrite the file without its metadata; whether there was any to remove."""
        self.file.open()
        cleaned = without_metadata(self.file)
        if cleaned is None:
            return False
        data, size = cleaned
        stored_name = self.file.name if self.file._committed else None
        self.file.save(os.path.basename(self.file.name), ContentFile(data), save=False)
        self.width, self.height = size  # after save(), which clears the dimension fields
        if stored_name and stored_name != self.file.name:
            self.file.storage.delete(stored_name)
        return True

    @property
    def default_alt_text(self):
        return "" if self.decorative else self.alt_text

    @property
    def has_alt_decision(self):
        """Whether the editor described the image or chose to mark it decorative."""
        return self.decorative or bool(self.alt_text.strip())


@functools.cache
def image_alt_text_fields(model):
    """[(image field, alt text field)]: the images `model` describes in a field of its own.

    By convention a page's image `X_image` has its alt text for that page in
    `X_alt_text` (`hero_image`/`hero_alt_text`, `cover_image`/`cover_alt_text`);
    empty, the image's own alt text applies.
    """
    names = {field.name: field for field in model._meta.get_fields()}
    pairs = []
    for name, field in names.items():
        if not (name.endswith("_image") and isinstance(field, models.ForeignKey)):
            continue
        if not issubclass(field.related_model, CustomImage):
            continue
        alt_field = names.get(name.removesuffix("_image") + "_alt_text")
        if isinstance(alt_field, models.CharField | models.TextField):
            pairs.append((name, alt_field.name))
    return pairs


def contextual_alt_text(instance, image_field_name):
    """The alt text `instance` gives its image `image_field_name`, or None where it leaves it to the image.

    A translation carries its own (wagtail-localize copies the image's alt text
    into the translatable source when the page leaves it empty:
    upstream/localize_image_alt_text.py), so this is what a French page says.
    """
    for image_field, alt_field in image_alt_text_fields(type(instance)):
        if image_field == image_field_name:
            return getattr(instance, alt_field) or None
    return None


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    def get_upload_to(self, filename):
        # A private image's renditions are private too (website/private_images.py).
        name = super().get_upload_to(filename)
        return PRIVATE_PREFIX + name if self.image.file.name.startswith(PRIVATE_PREFIX) else name

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
