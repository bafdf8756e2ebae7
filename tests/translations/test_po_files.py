"""PO round trip for every page type: download, fill, upload, publish, read the page.

PAGE_TYPES lists a factory per page type; add new page types here.
"""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from programmes.factories import ProgrammePageFactory

from .conftest import login

pytestmark = pytest.mark.django_db


def home_page(site_tree):
    return site_tree["en"]["home"]


def programme_index_page(site_tree):
    return site_tree["en"]["index"]


def programme_page(site_tree):
    return ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Legal defence", summary="Lawyers help."
    )


PAGE_TYPES = [home_page, programme_index_page, programme_page]


def fresh_translation(page, language):
    """A wagtail-localize translation of `page`, replacing any plain copy."""
    locale = Locale.objects.get(language_code=language)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target()
    return translation


@pytest.mark.parametrize("make_page", PAGE_TYPES, ids=lambda f: f.__name__)
def test_po_round_trip(client, roles, users, make_page, django_capture_on_commit_callbacks):
    page = make_page(roles).specific
    page.save_revision().publish()
    translation = fresh_translation(page, "fr")
    target = translation.get_target_instance()

    login(client, users["translator-fr"])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert po, "a page with no translatable text"
    for entry in po:
        entry.msgstr = f"FR {entry.msgid}"
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": edit_url}
    )
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        login(client, users["moderator"]).post(edit_url, {"action": "publish"})
    target = type(page).objects.get(pk=target.pk)
    assert target.live
    assert target.title == f"FR {page.title}"
    client.logout()
    html = client.get(target.url).content.decode()
    assert f"FR {page.title}" in html


def test_uploading_a_po_file_of_another_translation_is_refused_with_a_message(client, roles, users):
    home = roles["en"]["home"]
    assert isinstance(home, HomePage)
    translation = fresh_translation(home, "fr")
    other = polib.POFile()
    other.metadata = {"X-WagtailLocalize-TranslationID": "not-this-one"}
    upload = SimpleUploadedFile("fr.po", str(other).encode())
    response = login(client, users["translator-fr"]).post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "different translation" in response.content.decode()
