"""Uploaded photos lose what could identify the people in them: GPS position, camera, XMP."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
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
