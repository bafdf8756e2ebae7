"""Uploaded photos lose what could identify the people in them: GPS position, camera, XMP."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from PIL import PngImagePlugin
from wagtail.models import UploadedFile

from website.models import CustomImage

pytestmark = pytest.mark.django_db

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F
ROTATED_90 = 6  # EXIF orientation: the camera was held on its side


def photo_with_gps(size=(60, 40)):
    exif = PillowImage.Exif()
    exif[ORIENTATION] = ROTATED_90
    exif[MAKE] = "Phone of a defender"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (13.0, 45.0, 7.0), 3: "E", 4: (100.0, 30.0, 5.0)})
    output = io.BytesIO()
    PillowImage.new("RGB", size, "teal").save(
        output, format="JPEG", exif=exif.tobytes(), comment=b"Bangkok safe house"
    )
    return SimpleUploadedFile("meeting.jpg", output.getvalue(), content_type="image/jpeg")


def stored(image):
    with image.file.open() as file:
        picture = PillowImage.open(io.BytesIO(file.read()))
        picture.load()
    return picture


def assert_nothing_identifying(image):
    picture = stored(image)
    assert not picture.getexif(), "EXIF (GPS, camera) is gone"
    assert "comment" not in picture.info
    # The pixels were turned upright, so the photo still shows the right way up.
    assert (image.width, image.height) == picture.size == (40, 60)


def test_a_photo_uploaded_in_the_admin_loses_its_gps_position_and_camera(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Meeting", "file": photo_with_gps(), "alt_text": "Defenders at a meeting", "tags": ""},
    )
    assert response.status_code == 302, response.content
    assert_nothing_identifying(CustomImage.objects.get(title="Meeting"))


def test_a_photo_uploaded_several_at_a_time_loses_them_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": photo_with_gps()},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    upload = UploadedFile.objects.get()
    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk]),
        {
            f"uploaded-image-{upload.pk}-title": "Meeting",
            f"uploaded-image-{upload.pk}-alt_text": "Defenders at a meeting",
            f"uploaded-image-{upload.pk}-tags": "",
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    image = CustomImage.objects.get(title="Meeting")
    assert_nothing_identifying(image)
    assert image.file_size == image.file.size  # Wagtail's size and hash describe the cleaned file


def test_an_image_without_metadata_is_stored_as_uploaded(admin_client):
    output = io.BytesIO()
    PillowImage.new("RGB", (30, 20), "navy").save(output, format="PNG")
    admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Plain",
            "file": SimpleUploadedFile("plain.png", output.getvalue()),
            "alt_text": "A map",
            "tags": "",
        },
    )
    image = CustomImage.objects.get(title="Plain")
    with image.file.open() as file:
        assert file.read() == output.getvalue()


# Every format Wagtail accepts ------------------------------------------------------------

ARTIST, BODY_SERIAL = 0x013B, 0xA431
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>Bangkok safe house</rdf:Description></x:xmpmeta>'


def identifying_exif():
    exif = PillowImage.Exif()
    exif[ARTIST] = "A defender's name"
    exif[BODY_SERIAL] = "SN-0042-7731"
    exif[MAKE] = "Phone of a defender"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (13.0, 45.0, 7.0), 3: "E", 4: (100.0, 30.0, 5.0), 5: 0, 6: 12.5})
    return exif.tobytes()


def photo(image_format, extension):
    """A real file of `image_format` carrying GPS, camera serial, artist, XMP (or a GIF comment)."""
    output = io.BytesIO()
    picture = PillowImage.new("RGB", (48, 32), "teal")
    if image_format == "GIF":
        frames = [picture.convert("P"), PillowImage.new("RGB", (48, 32), "orange").convert("P")]
        frames[0].save(
            output,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            duration=[120, 240],
            loop=0,
            comment=b"Bangkok safe house",
        )
    elif image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        picture.save(output, format="PNG", exif=identifying_exif(), pnginfo=text)
    else:
        picture.save(output, format=image_format, exif=identifying_exif(), xmp=XMP)
    return SimpleUploadedFile(f"meeting.{extension}", output.getvalue())


def assert_nothing_survives(data):
    picture = PillowImage.open(io.BytesIO(data))
    picture.load()
    assert not picture.getexif(), "no EXIF: GPS, serial, artist"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
        assert not picture.info.get(key), key
    for secret in (b"Bangkok safe house", b"SN-0042-7731", b"A defender's name", b"Phone of a defender"):
        assert secret not in data


FORMATS = [
    ("AVIF", "avif"),
    ("GIF", "gif"),
    ("PNG", "png"),
    ("WEBP", "webp"),
    ("JPEG", "jpg"),
    ("HEIF", "heic"),
]


@pytest.mark.parametrize("image_format,extension", FORMATS)
def test_every_accepted_format_loses_gps_serial_artist_xmp_and_comments(
    admin_client, settings, image_format, extension
):
    # HEIC is accepted where a site enables it: this one may.
    settings.WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "heic"]
    upload = photo(image_format, extension)
    sent = PillowImage.open(upload)
    assert sent.getexif().get_ifd(GPS_IFD) or sent.info.get("comment"), "the photo says where it was taken"
    upload.seek(0)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Meeting", "file": upload, "alt_text": "Defenders at a meeting", "tags": ""},
    )
    assert response.status_code == 302, response.content
    image = CustomImage.objects.get(title="Meeting")
    with image.file.open() as file:
        original = file.read()
    assert_nothing_survives(original)
    assert PillowImage.open(io.BytesIO(original)).format == image_format
    assert (image.width, image.height) == (48, 32)
    if image_format == "GIF":
        assert PillowImage.open(io.BytesIO(original)).n_frames == 2, "the animation still plays"

    # Every rendition, in every output format, is made from the cleaned original.
    for spec in (
        "max-40x40",
        "fill-20x20|format-jpeg",
        "width-30|format-png",
        "width-30|format-webp",
        "width-30|format-avif",
        "width-30|format-gif",
        "original",
    ):
        rendition = image.get_rendition(spec)
        with rendition.file.open() as file:
            assert_nothing_survives(file.read())


def test_a_gif_comment_is_gone_and_a_plain_gif_is_kept_as_uploaded(admin_client):
    output = io.BytesIO()
    PillowImage.new("P", (10, 10)).save(output, format="GIF")
    admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Plain", "file": SimpleUploadedFile("plain.gif", output.getvalue()), "decorative": "on"},
    )
    with CustomImage.objects.get(title="Plain").file.open() as file:
        assert file.read() == output.getvalue()
