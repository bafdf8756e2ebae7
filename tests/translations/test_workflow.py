"""The done-when scenario, through the admin views a translator and a moderator use."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from programmes.models import ProgrammePage

from .conftest import assert_refused, login

pytestmark = pytest.mark.django_db

FRENCH = {
    "Promoting the EU Guidelines on human rights defenders": "Promouvoir les Orientations de l'UE",
    "eu-guidelines": "orientations-ue",
    "The EU has promised to protect defenders.": "L'UE a promis de protéger les défenseurs.",
    "Why it matters": "Pourquoi c'est important",
    "States must protect defenders.": "Les États doivent protéger les défenseurs.",
}


def submit_for_translation(client, user, page, language):
    locale = Locale.objects.get(language_code=language)
    response = login(client, user).post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    return ProgrammePage.objects.get(translation_key=page.translation_key, locale=locale)


def fill_segments(client, page, translations, partial=False):
    """Translate the segments through the segment editor's API; with `partial`, only those in `translations`."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if partial and segment.string.data not in translations:
            continue
        value = translations[segment.string.data]
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
    return translation


def test_french_translator_translates_submits_and_a_moderator_publishes(client, users, roles, eu_guidelines):
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    assert not french.live  # a new translation of a live page waits for review

    login(client, users["translator-fr"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    # The editor's own footer offers only "Publish": the translator's way on is this form.
    submit_url = reverse("translation_submit_for_review", args=[french.pk])
    assert f'action="{submit_url}"' in response.content.decode()
    fill_segments(client, french, FRENCH)

    # The segment editor's "Publish" is refused to a translator.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    assert_refused(response)
    french.refresh_from_db()
    assert not french.live

    response = client.post(reverse("translation_submit_for_review", args=[french.pk]))
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.workflow_in_progress
    assert not french.live
    assert french.get_latest_revision().as_object().title == FRENCH[eu_guidelines.title]

    # Neither the English source nor the Spanish tree is the French translator's.
    spanish_programme = roles["es"]["programme"]
    for page in (eu_guidelines, spanish_programme):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert_refused(response)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": "Hacked", "slug": page.slug}
        )
        assert_refused(response)
        assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title != "Hacked"

    # The moderator approves; the translation goes live.
    login(client, users["moderator"])
    task_state = french.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    french.refresh_from_db()
    assert french.live
    assert french.title == FRENCH[eu_guidelines.title]
    client.logout()
    html = client.get(french.url).content.decode()
    assert "L&#x27;UE a promis de protéger les défenseurs." in html or "L'UE a promis" in html
    assert "Les États doivent protéger les défenseurs." in html


def test_a_translator_cannot_submit_another_languages_translation(client, users, roles, eu_guidelines):
    spanish = submit_for_translation(client, users["editor"], eu_guidelines, "es")
    response = login(client, users["translator-fr"]).post(
        reverse("translation_submit_for_review", args=[spanish.pk])
    )
    assert_refused(response)
    assert not Page.objects.get(pk=spanish.pk).workflow_in_progress


def test_submit_for_review_is_post_only_and_404s_for_non_translations(client, users, roles):
    login(client, users["translator-fr"])
    french_home = roles["fr"]["home"]  # copied without wagtail-localize: no Translation record
    url = reverse("translation_submit_for_review", args=[french_home.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 404
    assert client.post(reverse("translation_submit_for_review", args=[999999])).status_code == 404


def test_a_new_translation_of_a_live_page_does_not_go_live_by_itself(client, users, eu_guidelines, roles):
    assert eu_guidelines.live
    for language in ("fr", "es"):
        translation = submit_for_translation(client, users["editor"], eu_guidelines, language)
        assert not translation.live
        client.logout()
        assert client.get(f"/{language}/index-{language}/orientations-ue/").status_code == 404


# Snippets: drafts, review, publication ------------------------------------------------------------


def snippet_url(name, institution, *args):
    return reverse(f"wagtailsnippets_programmes_institution:{name}", args=[institution.pk, *args])


@pytest.fixture
def parliaments(roles):
    """An English institution that the programme targets, in English and in French."""
    from programmes.factories import InstitutionFactory

    institution = InstitutionFactory(name="Parliaments")
    for language in ("en", "fr"):
        programme = roles[language]["programme"]
        programme.institutions.set([institution])  # as wagtail-localize copies it: the English snippet
        programme.save_revision().publish()
    return institution


def test_a_snippet_translation_is_a_draft_until_a_moderator_approves_it(client, users, roles, parliaments):
    from programmes.models import Institution

    french_locale = Locale.objects.get(language_code="fr")
    response = login(client, users["editor"]).post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["programmes", "institution", parliaments.pk]
        ),
        {"locales": [french_locale.pk]},
    )
    assert response.status_code == 302
    french = Institution.objects.get(translation_key=parliaments.translation_key, locale=french_locale)
    assert not french.live  # not published with the English text

    # Until then the French page names it in English, and says so.
    french_page_url = roles["fr"]["programme"].url
    client.logout()
    html = client.get(french_page_url).content.decode()
    assert '<span lang="en">Parliaments</span> <span class="badge" lang="en"' in html

    login(client, users["translator-fr"])
    translation = Translation.objects.get(
        source__object_id=parliaments.translation_key, target_locale=french_locale
    )
    segment = StringSegment.objects.get(source=translation.source, string__data="Parliaments")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Parlements"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)

    # The translator may not publish it…
    assert_refused(client.post(snippet_url("edit", french), {"action": "publish"}))
    french.refresh_from_db()
    assert not french.live
    # …and submits it for review from the segment editor.
    submit_url = reverse(
        "translation_submit_snippet_for_review", args=["programmes", "institution", french.pk]
    )
    assert f'action="{submit_url}"' in client.get(snippet_url("edit", french)).content.decode()
    assert client.post(submit_url).status_code == 302
    french = Institution.objects.get(pk=french.pk)
    assert french.workflow_in_progress
    assert not french.live
    client.logout()
    assert "Parlements" not in client.get(french_page_url).content.decode()

    login(client, users["moderator"])
    task_state = french.current_workflow_task_state
    response = client.post(snippet_url("workflow_action", french, "approve", task_state.pk), {"comment": ""})
    assert response.status_code in (200, 302)
    french.refresh_from_db()
    assert french.live
    assert french.name == "Parlements"
    client.logout()
    html = client.get(french_page_url).content.decode()
    assert "<li>Parlements</li>" in html
    assert 'class="badge"' not in html


def test_a_translator_cannot_submit_another_languages_snippet(client, users, roles, parliaments):
    from programmes.models import Institution

    spanish_locale = Locale.objects.get(language_code="es")
    login(client, users["editor"]).post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["programmes", "institution", parliaments.pk]
        ),
        {"locales": [spanish_locale.pk]},
    )
    spanish = Institution.objects.get(translation_key=parliaments.translation_key, locale=spanish_locale)
    url = reverse("translation_submit_snippet_for_review", args=["programmes", "institution", spanish.pk])
    assert_refused(login(client, users["translator-fr"]).post(url))
    assert not Institution.objects.get(pk=spanish.pk).workflow_in_progress
    # Only translatable snippets with a review workflow, and only by POST.
    assert client.get(url).status_code == 405
    assert client.post(url.replace("programmes/institution", "website/customimage")).status_code == 404
    assert client.post(url.replace("programmes/institution", "nowhere/nothing")).status_code == 404


def test_an_editor_who_submits_a_page_for_translation_goes_back_to_the_programmes(
    client, users, eu_guidelines
):
    # The one-language case opens the new translation's editor, which an English editor may not use.
    french_locale = Locale.objects.get(language_code="fr")
    response = login(client, users["editor"]).post(
        reverse("wagtail_localize:submit_page_translation", args=[eu_guidelines.pk]),
        {"locales": [french_locale.pk]},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_explore", args=[eu_guidelines.get_parent().pk]
    )
    assert "submitted for translation into French" in response.content.decode()
    assert "do not have permission" not in response.content.decode()


def test_an_administrator_who_submits_a_page_for_translation_opens_the_translation(
    client, admin_user, roles, eu_guidelines
):
    french_locale = Locale.objects.get(language_code="fr")
    response = login(client, admin_user).post(
        reverse("wagtail_localize:submit_page_translation", args=[eu_guidelines.pk]),
        {"locales": [french_locale.pk]},
    )
    french = eu_guidelines.get_translation(french_locale)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[french.pk])


def test_a_translation_with_a_placeholder_is_not_sent_for_review(client, users, eu_guidelines):
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    unfinished = {**FRENCH, "States must protect defenders.": "[à compléter]"}
    fill_segments(client, french, unfinished)

    response = client.post(reverse("translation_submit_for_review", args=[french.pk]), follow=True)
    assert (
        "Replace the placeholder “[à compléter]” before submitting the translation."
        in response.content.decode()
    )
    french.refresh_from_db()
    assert not french.workflow_in_progress
