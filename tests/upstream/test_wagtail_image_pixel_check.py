"""Pixels counted from the header, a truncated image a form error (upstream/wagtail_image_pixel_check.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.fields import WagtailImageField
from willow.image import Image as WillowImage

from tests.upstream.canaries import assert_gap_remains
from tests.website.test_document_files import png_claiming
from upstream.wagtail_image_pixel_check import UPSTREAM_CHECK_IMAGE_PIXEL_SIZE
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def test_a_truncated_image_is_a_form_error_not_a_500(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Cut", "file": SimpleUploadedFile("cut.png", png_claiming(300, 200)), "decorative": "on"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    assert not CustomImage.objects.exists()


def test_canary_wagtail_still_decodes_every_pixel_before_counting_them():
    field = WagtailImageField()
    upload = SimpleUploadedFile("bomb.png", png_claiming(300, 200))
    upload.image = WillowImage.open(upload)  # as WagtailImageField.to_python prepares it
    try:
        UPSTREAM_CHECK_IMAGE_PIXEL_SIZE(field, upload)
        decoded = False
    except OSError:  # "image file is truncated": it tried to decode the pixels
        decoded = True
    except Exception:  # noqa: BLE001  (a ValidationError: fixed upstream)
        decoded = False
    assert_gap_remains(
        decoded, gap="pixels decoded before they are counted", module="wagtail_image_pixel_check"
    )
