"""A translator sees that the source changed, syncs their translation, and gets their old text back to reuse."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from programmes.models import ProgrammePage
from website.demo import save_translation

from .conftest import login
from .test_workflow import FRENCH, fill_segments, submit_for_translation

pytestmark = pytest.mark.django_db

OLD = "States must protect defenders."
NEW = "States must protect and support defenders."


def change_paragraph(page, old, new):
    """The editor rewrites a paragraph of the English page and publishes it (the block keeps its id)."""
    page = ProgrammePage.objects.get(pk=page.pk)
    body = [dict(block) for block in page.body.raw_data]
    for block in body:
        if block["type"] == "paragraph":
            block["value"] = block["value"].replace(old, new)
    page.body = body
    page.save_revision().publish()
    return page


@pytest.fixture
def out_of_date(client, users, eu_guidelines):
    """A live French translation of the EU Guidelines page, whose English paragraph then changed."""
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    translation = fill_segments(client, french, FRENCH)
    save_translation(translation)
    client.logout()
    change_paragraph(eu_guidelines, OLD, NEW)
    return Translation.objects.get(pk=translation.pk)


def editor_html(client, translation):
    page = translation.get_target_instance()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def source_strings(translation):
    return set(StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True))


def test_an_out_of_date_translation_says_so_with_the_action_to_update_it(client, users, out_of_date):
    html = editor_html(login(client, users["translator-fr"]), out_of_date)
    assert "The English page changed on" in html
    assert "update this translation" in html
    assert f'action="{reverse("translation_sync", args=[out_of_date.pk])}"' in html


def test_an_up_to_date_translation_shows_no_notice(client, users, out_of_date):
    login(client, users["translator-fr"]).post(reverse("translation_sync", args=[out_of_date.pk]))
    html = editor_html(client, out_of_date)
    assert "The English page changed on" not in html


def test_a_translator_syncs_their_translation_from_the_source(client, users, out_of_date):
    url = reverse("translation_sync", args=[out_of_date.pk])
    french = out_of_date.get_target_instance()
    login(client, users["translator-fr"])
    assert client.get(url).status_code == 405

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert NEW in source_strings(out_of_date) and OLD not in source_strings(out_of_date)
    message = [str(m) for m in response.wsgi_request._messages]
    assert message == [
        "The translation now follows the current English version: 1 segment needs a translation."
    ]
    # Syncing reads the source; it publishes nothing: visitors keep the French text.
    live = Page.objects.get(pk=french.pk).specific
    assert "Les États doivent protéger les défenseurs." in str(live.body)


def test_a_translator_of_another_language_cannot_sync_it(client, users, out_of_date):
    url = reverse("translation_sync", args=[out_of_date.pk])
    for username in ("translator-es", "editor"):
        response = login(client, users[username]).post(url)
        assert response.status_code == 403
    assert OLD in source_strings(out_of_date) and NEW not in source_strings(out_of_date)
    assert (
        login(client, users["translator-fr"]).post(reverse("translation_sync", args=[999999])).status_code
        == 404
    )


def test_after_a_sync_a_changed_segment_shows_a_word_diff_and_the_earlier_translation(
    client, users, out_of_date
):
    login(client, users["translator-fr"]).post(reverse("translation_sync", args=[out_of_date.pk]))

    html = editor_html(client, out_of_date)

    assert "States must protect <ins>and support </ins>defenders." in html
    assert "States must protect defenders." in html  # the old source, beside the new one
    assert "Earlier translation" in html
    assert "Les États doivent protéger les défenseurs." in html
    assert "Use this suggestion" in html


def test_a_translator_uses_the_suggestion_and_it_becomes_the_segments_translation(client, users, out_of_date):
    login(client, users["translator-fr"]).post(reverse("translation_sync", args=[out_of_date.pk]))
    segment = StringSegment.objects.get(source=out_of_date.source, string__data=NEW)
    previous = StringTranslation.objects.get(translation_of__data=OLD, locale=out_of_date.target_locale)
    url = reverse("translation_use_suggestion", args=[out_of_date.pk, segment.pk])

    # Only for the translation's own language, and only a suggestion the memory offers.
    assert login(client, users["translator-es"]).post(url, {"suggestion": previous.pk}).status_code == 403
    login(client, users["translator-fr"])
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"suggestion": "x"}).status_code == 400
    other = StringTranslation.objects.exclude(pk=previous.pk).filter(locale=out_of_date.target_locale).first()
    client.post(url, {"suggestion": other.pk})
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context
    ).exists()

    response = client.post(url, {"suggestion": previous.pk})

    assert response.status_code == 302
    stored = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=out_of_date.target_locale
    )
    assert stored.data == previous.data
    assert stored.last_translated_by == users["translator-fr"]
    assert out_of_date.get_progress() == (5, 5)
    assert "Use this suggestion" not in editor_html(client, out_of_date)


def test_a_snippet_translation_is_updated_by_its_own_translators_only(client, users, roles):
    from programmes.factories import InstitutionFactory
    from programmes.models import Institution

    institution = InstitutionFactory(name="Parliaments")
    institution.save_revision().publish()
    french_locale = Locale.objects.get(language_code="fr")
    login(client, users["editor"]).post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["programmes", "institution", institution.pk]
        ),
        {"locales": [french_locale.pk]},
    )
    translation = Translation.objects.get(
        source__object_id=institution.translation_key, target_locale=french_locale
    )
    segment = StringSegment.objects.get(source=translation.source)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=french_locale, context=segment.context, data="Parlements"
    )
    institution.name = "National parliaments"
    institution.save_revision().publish()
    french = Institution.objects.get(translation_key=institution.translation_key, locale=french_locale)
    edit_url = reverse("wagtailsnippets_programmes_institution:edit", args=[french.pk])
    sync_url = reverse("translation_sync", args=[translation.pk])

    html = login(client, users["translator-fr"]).get(edit_url).content.decode()
    assert "The English version changed on" in html
    assert login(client, users["translator-es"]).post(sync_url).status_code == 403
    assert login(client, users["translator-fr"]).post(sync_url).status_code == 302

    html = client.get(edit_url).content.decode()
    assert "<del>Parliaments</del>" in html and "<ins>National parliaments</ins>" in html
    assert "Parlements" in html
