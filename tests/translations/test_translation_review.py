"""The segment editor as a translator and as a moderator see it (issue 11, items 12 and 14)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import Translation

from .conftest import login
from .test_workflow import submit_for_translation

pytestmark = pytest.mark.django_db

DUMMY_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def footer(html):
    found = re.search(r'<footer class="footer[^"]*translation-review-footer.*?</footer>', html, re.S)
    return found.group(0) if found else ""


def body_class(html):
    return re.search(r'<body id="wagtail" class="([^"]*)"', html).group(1)


@pytest.fixture
def french(client, users, eu_guidelines):
    return submit_for_translation(client, users["editor"], eu_guidelines, "fr")


def test_a_translator_gets_submit_as_the_main_action_and_no_stop_or_empty_menu(client, users, french):
    html = login(client, users["translator-fr"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    html = html.content.decode()
    # wagtail-localize's own footer (Stop Synced translation first) is hidden for them…
    assert "segment-editor--review" in body_class(html)
    assert "translations/css/segment_editor.css" in html
    # …and theirs has Submit as its one main button, Preview, and no empty "More actions".
    bar = footer(html)
    submit_url = reverse("translation_submit_for_review", args=[french.pk])
    assert f'action="{submit_url}"' in bar
    assert "Submit translation for review" in bar
    assert "Preview" in bar
    assert "More actions" not in bar
    assert "Stop Synced translation" not in bar


def test_a_moderator_keeps_wagtail_localizes_footer(client, users, french):
    html = login(client, users["moderator"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    html = html.content.decode()
    assert "segment-editor--review" not in body_class(html)
    assert footer(html) == ""


def test_a_translator_is_told_that_machine_translation_is_off(client, users, french):
    html = login(client, users["translator-fr"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    html = html.content.decode()
    assert "Machine translation is not set up on this site" in html
    assert "DEEPL_API_KEY" not in html  # a translator cannot set it


def test_an_administrator_is_told_how_to_turn_machine_translation_on(client, admin_user, french):
    html = (
        login(client, admin_user).get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    )
    assert "Machine translation is not set up on this site" in html
    assert "DEEPL_API_KEY" in html and "LIBRETRANSLATE_URL" in html


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_MACHINE_TRANSLATOR)
def test_no_notice_when_machine_translation_is_on(client, users, french):
    html = login(client, users["translator-fr"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert "Machine translation is not set up" not in html.content.decode()


def test_a_translator_is_not_offered_convert_to_alias_on_a_stopped_translation(client, users, french):
    # Once its sync is stopped a translation is edited in Wagtail's own editor,
    # whose action menu offered wagtail-localize's "Convert to alias page" to anyone.
    Translation.objects.filter(source__object_id=french.translation_key).update(enabled=False)
    html = login(client, users["translator-fr"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert "Convert to alias page" not in html.content.decode()
    html = login(client, users["moderator"]).get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert "Convert to alias page" in html.content.decode()
