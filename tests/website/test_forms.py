import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.images.forms import get_image_form

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
