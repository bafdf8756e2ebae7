"""wagtail-localize's views, with the permission and input checks upstream/localize_translation_views.py adds."""

import json
from html import unescape
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.views import edit_translation

from programmes.factories import InstitutionFactory, ProgrammePageFactory
from programmes.models import ProgrammePage
from tests.translations.conftest import login
from tests.upstream.canaries import assert_gap_remains
from tests.upstream.test_localize_draft_translations import EU_GUIDELINES, PUBLISHED
from upstream.localize_translation_views import (
    UPSTREAM_STOP_TRANSLATION,
    UPSTREAM_USER_CAN_EDIT_INSTANCE,
)
from website.demo import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_french(eu_guidelines):
    return ProgrammePage.objects.get(pk=translate(eu_guidelines, EU_GUIDELINES, "fr").pk)


@pytest.fixture
def translation(live_french, eu_guidelines):
    return Translation.objects.get(
        source__object_id=eu_guidelines.translation_key, target_locale=live_french.locale
    )


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Convert to alias, stop translation: only for those who may publish ----------------------------------


def test_a_translator_cannot_replace_a_live_translation_with_the_source_page(
    client, users, live_french, translation
):
    url = reverse("wagtail_localize:convert_to_alias", args=[live_french.pk])
    login(client, users["translator-fr"])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[live_french.pk])
    assert "may publish" in " ".join(message_texts(response))
    french = ProgrammePage.objects.get(pk=live_french.pk)
    assert french.alias_of_id is None
    assert Translation.objects.filter(pk=translation.pk).exists()
    client.logout()
    assert PUBLISHED in client.get(french.url).content.decode()


def test_a_moderator_may_convert_a_translation_to_an_alias(client, users, live_french, eu_guidelines):
    url = reverse("wagtail_localize:convert_to_alias", args=[live_french.pk])
    response = login(client, users["moderator"]).post(url)
    assert response.status_code == 302
    assert ProgrammePage.objects.get(pk=live_french.pk).alias_of_id == eu_guidelines.pk


def segment_editor_links(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    start = html.index('data-props="') + len('data-props="')
    return json.loads(unescape(html[start : html.index('"', start)]))["links"]


def test_the_segment_editor_offers_convert_to_alias_only_to_those_who_may_use_it(client, users, live_french):
    assert (
        segment_editor_links(login(client, users["translator-fr"]), live_french)["convertToAliasUrl"] is None
    )
    assert segment_editor_links(login(client, users["moderator"]), live_french)["convertToAliasUrl"]


def test_only_those_who_may_publish_can_stop_a_synced_translation(client, users, live_french, translation):
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    response = login(client, users["translator-fr"]).post(url)
    assert response.status_code == 302
    assert "may publish" in " ".join(message_texts(response))
    translation.refresh_from_db()
    assert translation.enabled
    login(client, users["moderator"]).post(url)
    translation.refresh_from_db()
    assert not translation.enabled


# Malformed requests: a 400 or a message, never a 500 ------------------------------------------------


def test_a_segment_edit_without_a_value_is_a_bad_request(client, users, translation):
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = login(client, users["translator-fr"]).put(
        url, "other=1", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "value" in response.json()["error"]
    assert client.put(url, "", content_type="application/json").status_code == 400


def test_an_override_edit_without_a_value_is_a_bad_request(client, users, site_tree):
    page = ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        title="Contact us",
        slug="contact-us",
        contact_url="https://example.org/",
    )
    french = translate(
        page,
        {
            "title": {"en": "Contact us", "fr": "Contact"},
            "slug": {"en": "contact-us", "fr": "contact"},
            "summary": {"en": page.summary, "fr": "Ce que fait ce programme."},
            "body": [
                {"en": "Why it matters", "fr": "Pourquoi"},
                {"en": "States must protect defenders.", "fr": "Les États doivent protéger les défenseurs."},
            ],
        },
        "fr",
    )
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=french.locale)
    segment = OverridableSegment.objects.get(source=translation.source, context__path="contact_url")
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    login(client, users["translator-fr"])
    response = client.put(url, "", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert not SegmentOverride.objects.filter(locale=french.locale).exists()
    response = client.put(
        url, "value=https://example.org/fr/", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 201  # a well-formed request still works


def upload(client, translation, **files):
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"next": edit_url, **files}
    ), edit_url


def test_a_po_upload_without_a_file_gets_a_message(client, users, translation):
    response, edit_url = upload(login(client, users["translator-fr"]), translation)
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert message_texts(response) == ["Choose a PO file to upload."]


def test_a_po_file_without_its_translation_id_gets_a_message_and_changes_nothing(client, users, translation):
    before = set(StringTranslation.objects.values_list("pk", "data"))
    po = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Why it matters"\nmsgstr "Pirate"\n'
    response, edit_url = upload(
        login(client, users["translator-fr"]), translation, file=SimpleUploadedFile("fr.po", po)
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert "does not say which translation" in " ".join(message_texts(response))
    assert set(StringTranslation.objects.values_list("pk", "data")) == before


def test_a_valid_po_file_is_still_imported(client, users, translation):
    login(client, users["translator-fr"])
    po = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content
    po = po.replace('msgstr "Pourquoi c’est important"'.encode(), b'msgstr "Pourquoi cela compte"')
    response, _edit_url = upload(client, translation, file=SimpleUploadedFile("fr.po", po))
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=translation.target_locale, data="Pourquoi cela compte"
    ).exists()


# Canaries: wagtail-localize's own views, run as shipped, still have each gap.

MODULE = "localize_translation_views"


def test_canary_localize_still_lets_a_translator_edit_other_languages_snippets(users):
    institution = InstitutionFactory(name="Parliaments")
    spanish = translate(institution, {"name": {"en": "Parliaments", "es": "Parlamentos"}}, "es")
    assert_gap_remains(
        UPSTREAM_USER_CAN_EDIT_INSTANCE(users["translator-fr"], spanish)
        and not edit_translation.user_can_edit_instance(users["translator-fr"], spanish),
        gap="translation views letting a translator edit any language",
        module=MODULE,
    )


def test_canary_localize_still_lets_a_translator_stop_a_synced_translation(
    client, users, translation, monkeypatch
):
    monkeypatch.setattr(edit_translation, "stop_translation", UPSTREAM_STOP_TRANSLATION)
    request = RequestFactory().post("/")
    request.user = users["translator-fr"]
    request._messages = mock.MagicMock()
    UPSTREAM_STOP_TRANSLATION(request, translation.pk)
    translation.refresh_from_db()
    assert_gap_remains(
        not translation.enabled,
        gap="stop translation asking only for the right to edit",
        module=MODULE,
    )
