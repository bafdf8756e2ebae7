"""Pending multiple uploads are private, nameless and clean (upstream/wagtail_uploaded_file_storage.py)."""

import io
import os
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.models import UploadedFile

from tests.upstream.canaries import assert_gap_remains
from tests.website.test_images import assert_nothing_survives, photo
from upstream.wagtail_uploaded_file_storage import UPSTREAM_STORAGE, UPSTREAM_UPLOAD_TO
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def send_first_step(client, upload):
    response = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.json()["success"], response.content
    return UploadedFile.objects.latest("pk")


def test_a_pending_upload_is_outside_public_media_with_a_random_name_and_no_gps(admin_client, settings):
    pending = send_first_step(admin_client, photo("AVIF", "avif"))

    path = Path(pending.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT), "whatever serves /media/ cannot reach it"
    assert not default_storage.exists(pending.file.name)
    assert "meeting" not in pending.file.name, "the editor's file name is not kept"
    with pytest.raises(ValueError):
        pending.file.url  # noqa: B018  (no URL to give away)
    assert_nothing_survives(path.read_bytes())

    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[pending.pk]),
        {
            f"uploaded-image-{pending.pk}-title": "Meeting",
            f"uploaded-image-{pending.pk}-alt_text": "Defenders at a meeting",
            f"uploaded-image-{pending.pk}-tags": "",
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    image = CustomImage.objects.get(title="Meeting")
    with image.file.open() as file:
        assert PillowImage.open(io.BytesIO(file.read())).format == "AVIF"
    assert not path.exists(), "the pending file goes once the image is made"


def test_abandoned_uploads_are_deleted_and_recent_ones_kept(admin_client):
    abandoned = send_first_step(admin_client, photo("JPEG", "jpg"))
    recent = send_first_step(admin_client, photo("PNG", "png"))
    two_days_ago = abandoned.file.storage.get_modified_time(abandoned.file.name).timestamp() - 48 * 3600
    os.utime(abandoned.file.path, (two_days_ago, two_days_ago))
    # A file an older release left where /media/ serves it.
    default_storage.save("wagtail_uploads/IMG_home_of_a_defender.jpg", photo("JPEG", "jpg"))

    out = io.StringIO()
    call_command("clear_abandoned_uploads", stdout=out)

    assert "1 abandoned uploads deleted; 1 files removed" in out.getvalue()
    assert not UploadedFile.objects.filter(pk=abandoned.pk).exists()
    assert not Path(abandoned.file.path).exists()
    assert UploadedFile.objects.filter(pk=recent.pk).exists() and Path(recent.file.path).exists()
    assert not default_storage.exists("wagtail_uploads/IMG_home_of_a_defender.jpg")


def test_canary_wagtail_still_keeps_pending_uploads_in_public_media():
    assert_gap_remains(
        UPSTREAM_STORAGE is default_storage and UPSTREAM_UPLOAD_TO == "wagtail_uploads",
        gap="UploadedFile stored in the default storage under the editor's file name",
        module="wagtail_uploaded_file_storage",
    )
