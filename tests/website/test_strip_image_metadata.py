"""`manage.py strip_image_metadata` cleans images stored before every format was cleaned on upload."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image as PillowImage

from tests.website.test_images import assert_nothing_survives, photo
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def test_an_avif_stored_with_its_gps_is_cleaned_and_its_renditions_made_again():
    upload = photo("AVIF", "avif")
    # Stored as an older release did: the file as it came, metadata and all.
    name = default_storage.save("original_images/old.avif", upload)
    image = CustomImage.objects.create(title="Old", file=name, width=48, height=32, alt_text="A meeting")
    rendition = image.get_rendition("width-30|format-jpeg")
    with default_storage.open(name) as file:
        assert PillowImage.open(io.BytesIO(file.read())).getexif().get_ifd(0x8825), "GPS before"

    out = io.StringIO()
    call_command("strip_image_metadata", stdout=out)

    image.refresh_from_db()
    assert "1 of 1 images had metadata" in out.getvalue()
    with image.file.open() as file:
        data = file.read()
    assert_nothing_survives(data)
    assert image.file_size == len(data)
    assert not image.renditions.filter(pk=rendition.pk).exists()
    with image.get_rendition("width-30|format-jpeg").file.open() as file:
        assert_nothing_survives(file.read())
    call_command("strip_image_metadata", stdout=out)
    assert "0 of 1 images had metadata" in out.getvalue()
