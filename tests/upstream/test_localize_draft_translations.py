"""A draft of a live translation stays a draft: visitors see it only once a moderator approves it."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from programmes.models import ProgrammePage
from tests.translations.conftest import login
from tests.translations.test_workflow import FRENCH, fill_segments
from tests.upstream.canaries import assert_gap_remains
from upstream.localize_draft_translations import UPSTREAM_SAVE_TARGET
from website.demo import translate

pytestmark = pytest.mark.django_db

EU_GUIDELINES = {
    "title": {
        "en": "Promoting the EU Guidelines on human rights defenders",
        "fr": "Promouvoir les orientations de l’UE sur les défenseurs",
    },
    "slug": {"en": "eu-guidelines", "fr": "orientations-ue"},
    "summary": {
        "en": "The EU has promised to protect defenders.",
        "fr": "Les États membres ont promis de protéger les défenseurs.",
    },
    "body": [
        {"en": "Why it matters", "fr": "Pourquoi c’est important"},
        {"en": "States must protect defenders.", "fr": "Les États doivent protéger les défenseurs."},
    ],
}
PUBLISHED = "Les États membres ont promis de protéger les défenseurs."
REVISED = "Les États membres doivent enfin tenir parole."


def put_segment(client, translation, english, value):
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def approve(client, moderator, obj, url_name, *args):
    login(client, moderator)
    task_state = obj.current_workflow_task_state
    response = client.post(reverse(url_name, args=[*args, "approve", task_state.pk]), {"comment": ""})
    assert response.status_code in (200, 302), response
    client.logout()


@pytest.fixture
def live_french(eu_guidelines):
    """The EU Guidelines page translated with wagtail-localize and published in French."""
    french = ProgrammePage.objects.get(pk=translate(eu_guidelines, EU_GUIDELINES, "fr").pk)
    assert french.live
    return french


def test_submitting_a_live_translation_keeps_the_published_text_until_a_moderator_approves(
    client, users, live_french, eu_guidelines
):
    url = live_french.url
    translation = Translation.objects.get(
        source__object_id=eu_guidelines.translation_key, target_locale=live_french.locale
    )
    login(client, users["translator-fr"])
    assert put_segment(client, translation, eu_guidelines.summary, REVISED).status_code == 200
    response = client.post(reverse("translation_submit_for_review", args=[live_french.pk]))
    assert response.status_code == 302

    french = ProgrammePage.objects.get(pk=live_french.pk)
    assert french.workflow_in_progress
    assert french.summary == PUBLISHED  # the live row is untouched
    assert french.get_latest_revision_as_object().summary == REVISED
    client.logout()
    html = client.get(url).content.decode()
    assert PUBLISHED in html
    assert REVISED not in html

    approve(client, users["moderator"], french, "wagtailadmin_pages:workflow_action", french.pk)
    html = client.get(url).content.decode()
    assert REVISED in html
    assert PUBLISHED not in html


def test_a_draft_translation_that_is_not_live_yet_is_still_saved_into_the_page(client, users, eu_guidelines):
    french_locale = Locale.objects.get(language_code="fr")
    login(client, users["editor"]).post(
        reverse("wagtail_localize:submit_page_translation", args=[eu_guidelines.pk]),
        {"locales": [french_locale.pk]},
    )
    french = ProgrammePage.objects.get(translation_key=eu_guidelines.translation_key, locale=french_locale)
    assert not french.live
    login(client, users["translator-fr"])
    # Every segment translated: an unfinished translation is not accepted for review.
    fill_segments(client, french, {**FRENCH, eu_guidelines.summary: REVISED})
    client.post(reverse("translation_submit_for_review", args=[french.pk]))
    french.refresh_from_db()
    assert not french.live
    assert french.summary == REVISED  # wagtail-localize's own path: nothing public to protect
    assert french.workflow_in_progress


def test_revising_a_live_snippet_translation_keeps_it_live_with_its_published_name(
    client, users, site_tree, eu_guidelines
):
    from programmes.factories import InstitutionFactory
    from programmes.models import Institution

    parliaments = InstitutionFactory(name="Parliaments")
    french = translate(parliaments, {"name": {"en": "Parliaments", "fr": "Parlements"}}, "fr")
    french_page = site_tree["fr"]["programme"]
    french_page.institutions.set([parliaments])
    french_page.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=parliaments.translation_key, target_locale=french.locale
    )

    login(client, users["translator-fr"])
    put_segment(client, translation, "Parliaments", "Assemblées parlementaires")
    url = reverse("translation_submit_snippet_for_review", args=["programmes", "institution", french.pk])
    assert client.post(url).status_code == 302
    french = Institution.objects.get(pk=french.pk)
    assert french.live  # wagtail-localize would have set live = False
    assert french.name == "Parlements"
    assert french.workflow_in_progress
    client.logout()
    assert "<li>Parlements</li>" in client.get(french_page.url).content.decode()

    approve(
        client,
        users["moderator"],
        french,
        "wagtailsnippets_programmes_institution:workflow_action",
        french.pk,
    )
    assert "<li>Assemblées parlementaires</li>" in client.get(french_page.url).content.decode()


def test_canary_wagtail_localize_still_writes_a_draft_into_the_live_page(live_french, eu_guidelines):
    translation = Translation.objects.get(
        source__object_id=eu_guidelines.translation_key, target_locale=live_french.locale
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=eu_guidelines.summary)
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=live_french.locale, context=segment.context
    ).update(data=REVISED)
    UPSTREAM_SAVE_TARGET(translation, publish=False)
    assert_gap_remains(
        ProgrammePage.objects.get(pk=live_french.pk).summary == REVISED,
        gap="wagtail-localize saving a draft of a live translation into the live page",
        module="localize_draft_translations",
    )
