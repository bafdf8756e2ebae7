import io
import re
from importlib import import_module
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images.forms import get_image_form
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from website.factories import CustomImageFactory
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def edit(image, **data):
    form_class = get_image_form(CustomImage)
    fields = {"title": image.title, "collection": image.collection_id, "alt_text": "", "credit": ""}
    form = form_class({**fields, **data}, instance=image, user=None)
    return form


def test_an_image_needs_alt_text_or_an_explicit_decorative_choice():
    image = CustomImageFactory(alt_text="")
    form = edit(image)
    with translation.override("en"):
        assert not form.is_valid()
    assert form.errors["alt_text"] == ["Describe the image, or mark it as decorative."]

    assert edit(image, alt_text="A defender speaking to a parliament").is_valid()


def test_a_decorative_image_has_empty_alt_text():
    image = CustomImageFactory(alt_text="")
    form = edit(image, decorative="on", alt_text="ignored")
    assert form.is_valid(), form.errors
    image = form.save()
    assert image.decorative and image.alt_text == ""
    assert image.default_alt_text == ""
    assert image.has_alt_decision


def test_admin_image_edit_view_refuses_an_image_without_alt_text(admin_client):
    image = CustomImageFactory(alt_text="")
    response = admin_client.post(  # an admin in English
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "collection": image.collection_id, "alt_text": "", "credit": "", "tags": ""},
    )
    assert response.status_code == 200  # the form again, with its error; nothing saved
    assert "Describe the image, or mark it as decorative." in response.content.decode()


def upload(name="hearing.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_the_add_image_form_asks_for_alt_text_once_under_the_heading_new_image(admin_client):
    with translation.override("en"):
        response = admin_client.get(reverse("wagtailimages:add"))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("h1").get_text(" ", strip=True) == "New: Image"
    assert page.select("form [name=description]") == []
    assert [field["name"] for field in page.select("[name=alt_text], [name=decorative]")] == [
        "alt_text",
        "decorative",
    ]


def test_an_upload_refused_for_its_alt_text_says_which_file_to_choose_again(admin_client):
    collection = Collection.get_first_root_node()
    with translation.override("en"):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Hearing",
                "file": upload(),
                "collection": collection.pk,
                "alt_text": "",
                "credit": "",
                "tags": "",
            },
        )
    assert response.status_code == 200  # the form again, nothing stored
    form = response.context["form"]
    assert form.errors["alt_text"] == ["Describe the image, or mark it as decorative."]
    assert "file" not in form.errors  # the file was fine: the note says what to do with it
    note = BeautifulSoup(response.content, "html.parser").find(string=re.compile("hearing.png"))
    assert note.strip() == "Choose “hearing.png” again: files are not kept when the form has errors."
    assert not CustomImage.objects.filter(title="Hearing").exists()


def test_a_described_upload_is_saved_without_a_note_about_its_file(admin_client):
    collection = Collection.get_first_root_node()
    with translation.override("en"):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Hearing",
                "file": upload(),
                "collection": collection.pk,
                "alt_text": "Defenders at a parliamentary hearing",
                "credit": "",
                "tags": "",
            },
        )
    assert response.status_code == 302
    assert CustomImage.objects.get(title="Hearing").alt_text == "Defenders at a parliamentary hearing"


@pytest.mark.parametrize(
    ("language", "wagtails", "ours"),
    [
        ("en", "image description", "Give each image its alt text"),
        ("fr", "descriptif", "Donnez à chaque image son texte alternatif"),
    ],
)
def test_the_multiple_upload_page_asks_for_alt_text_not_a_description(admin_client, language, wagtails, ours):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="admin"))
    profile.preferred_language = language
    profile.save()
    html = admin_client.get(reverse("wagtailimages:add_multiple")).content.decode()
    assert wagtails not in html
    assert html.count(ours) == 1  # under each upload (the row's template)
    assert 'id="fileupload"' in html  # the rest is Wagtail's uploader


def test_a_description_written_before_becomes_the_alt_text():
    migration = import_module("website.migrations.0006_customimage_one_alt_text_field")
    described, both, decorative = CustomImageFactory.create_batch(3)
    # Written as a database from before would hold them (the factory sets its own alt text).
    CustomImage.objects.filter(pk=described.pk).update(alt_text="", description="Defenders at a hearing")
    CustomImage.objects.filter(pk=both.pk).update(alt_text="MPs and defenders", description="Another one")
    CustomImage.objects.filter(pk=decorative.pk).update(alt_text="", decorative=True, description="A border")
    migration.description_becomes_alt_text(django_apps, SimpleNamespace(connection=connection))
    described.refresh_from_db(), both.refresh_from_db(), decorative.refresh_from_db()
    assert (described.alt_text, both.alt_text, decorative.alt_text) == (
        "Defenders at a hearing",
        "MPs and defenders",
        "",
    )
