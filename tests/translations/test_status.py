import json
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from programmes.factories import InstitutionFactory, ProgrammePageFactory
from programmes.models import ProgrammePage
from translations.status import IN_PROGRESS, MISSING, OUT_OF_DATE, UP_TO_DATE, translation_statuses
from website.demo import translate

from .conftest import login

pytestmark = pytest.mark.django_db

PROGRAMME = {
    "title": {"en": "Legal defence", "fr": "Défense juridique", "es": "Defensa jurídica"},
    "slug": {"en": "legal-defence", "fr": "defense-juridique", "es": "defensa-juridica"},
    "summary": {
        "en": "Lawyers for defenders.",
        "fr": "Des avocats pour les défenseurs.",
        "es": "Abogados para defensores.",
    },
    "body": [
        {"en": "Why it matters", "fr": "Pourquoi c'est important", "es": "Por qué importa"},
        {
            "en": "States must protect defenders.",
            "fr": "Les États doivent protéger les défenseurs.",
            "es": "Los Estados deben proteger a los defensores.",
        },
    ],
}


def status_of(obj, language):
    rows = [
        row
        for row in translation_statuses(language)
        if row.source_id == obj.pk and row.kind == type(obj)._meta.verbose_name
    ]
    assert len(rows) == 1, rows
    return rows[0]


def command_json(*args):
    out = StringIO()
    call_command("translation_status", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def translated(site_tree):
    """An English programme translated into French and Spanish with wagtail-localize."""
    page = ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        title="Legal defence",
        slug="legal-defence",
        summary="Lawyers for defenders.",
    )
    for language in ("fr", "es"):
        translate(page, PROGRAMME, language)
    return ProgrammePage.objects.get(pk=page.pk)


def test_copies_are_up_to_date_and_untranslated_pages_missing(site_tree):
    english_only = ProgrammePageFactory(parent=site_tree["en"]["index"], title="Only in English")
    for language in ("fr", "es"):
        assert status_of(site_tree["en"]["programme"], language).status == UP_TO_DATE
        row = status_of(english_only, language)
        assert row.status == MISSING
        assert row.target_id is None


def test_a_translation_waiting_for_review_is_in_progress(site_tree):
    page = site_tree["en"]["programme"]
    french = site_tree["fr"]["programme"]
    french.title = "Plaidoyer juridique (revu)"
    french.save_revision()
    assert status_of(page, "fr").status == IN_PROGRESS
    assert status_of(page, "es").status == UP_TO_DATE
    french.unpublish()
    assert status_of(page, "fr").status == IN_PROGRESS


def test_source_change_makes_translations_out_of_date_until_synced_and_published(
    client, translated, users, django_capture_on_commit_callbacks
):
    assert {status_of(translated, language).status for language in ("fr", "es")} == {UP_TO_DATE}

    translated.summary = "Lawyers who stand beside defenders."
    revision = translated.save_revision()
    revision.publish()
    translated.refresh_from_db()
    for language in ("fr", "es"):
        row = status_of(translated, language)
        assert row.status == OUT_OF_DATE
        assert row.source_changed_at == translated.last_published_at
    report = command_json()
    out_of_date = {
        (row["language"], row["title"]) for row in report["translations"] if row["status"] == OUT_OF_DATE
    }
    assert out_of_date == {("fr", "Legal defence"), ("es", "Legal defence")}
    assert report["counts"]["fr"][OUT_OF_DATE] == 1
    html = (
        login(client, users["moderator"])
        .get(reverse("translation_status"), {"status": OUT_OF_DATE})
        .content.decode()
    )
    assert html.count('data-status="out_of_date" data-language=') >= 2
    assert "Legal defence" in html

    # A moderator syncs the translations with the new source (without publishing).
    source = TranslationSource.objects.get(object_id=translated.translation_key)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert {status_of(translated, language).status for language in ("fr", "es")} == {IN_PROGRESS}

    # The French translator translates the new sentence; a moderator publishes.
    french_locale = Locale.objects.get(language_code="fr")
    translation = Translation.objects.get(source=source, target_locale=french_locale)
    segment = StringSegment.objects.get(source=source, string__data="Lawyers who stand beside defenders.")
    login(client, users["translator-fr"]).put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Des avocats aux côtés des défenseurs."}),
        content_type="application/x-www-form-urlencoded",
    )
    french = translated.get_translation(french_locale)
    # wagtail-localize publishes in transaction.on_commit.
    with django_capture_on_commit_callbacks(execute=True):
        login(client, users["moderator"]).post(
            reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
        )
    french.refresh_from_db()
    assert french.summary == "Des avocats aux côtés des défenseurs."

    row = status_of(translated, "fr")
    assert row.status == UP_TO_DATE, (
        row.detail,
        row.synced_at,
        french.last_published_at,
        french.has_unpublished_changes,
    )
    assert status_of(translated, "es").status == IN_PROGRESS  # synced, the new sentence untranslated
    report = command_json("--locale", "fr")
    assert {row["language"] for row in report["translations"]} == {"fr"}
    assert [row["status"] for row in report["translations"] if row["title"] == "Legal defence"] == [
        UP_TO_DATE
    ]


def test_snippets_have_a_status_too(site_tree):
    institution = InstitutionFactory(name="Parliaments")
    translate(institution, {"name": {"en": "Parliaments", "fr": "Parlements", "es": "Parlamentos"}}, "fr")
    assert status_of(institution, "fr").status == UP_TO_DATE
    assert status_of(institution, "es").status == MISSING


def test_rows_are_sorted_by_when_the_source_changed(site_tree):
    older = site_tree["en"]["programme"]
    older.save_revision().publish()
    newer = ProgrammePageFactory(parent=site_tree["en"]["index"], title="Newest")
    newer.save_revision().publish()
    rows = translation_statuses("fr")
    titles = [row.title for row in rows]
    assert titles.index(newer.title) < titles.index(older.title)
    dates = [row.source_changed_at for row in rows if row.source_changed_at]
    assert dates == sorted(dates, reverse=True)


def count_status_queries():
    with CaptureQueriesContext(connection) as queries:
        translation_statuses()
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_pages_and_snippets(site_tree):
    index = site_tree["en"]["index"]
    grow = lambda n: [  # noqa: E731
        (ProgrammePageFactory(parent=index), InstitutionFactory()) for _ in range(n)
    ]
    grow(1)
    before = count_status_queries()
    pages = grow(12)
    for page, institution in pages[:4]:
        translate(institution, {"name": {"en": institution.name, "fr": institution.name + " (fr)"}}, "fr")
        translate(
            page,
            {
                "title": {"en": page.title, "fr": page.title + " (fr)"},
                "slug": {"en": page.slug, "fr": page.slug + "-fr"},
                "summary": {"en": page.summary, "fr": "Résumé."},
                "body": [
                    {"en": "Why it matters", "fr": "Pourquoi"},
                    {"en": "States must protect defenders.", "fr": "Les États."},
                ],
            },
            "fr",
        )
    after = count_status_queries()
    assert after == before
    # A fixed number of queries per translatable model and content language: the resource
    # library adds two page types and three snippets, the search synonyms and people one
    # snippet each; five content languages.
    assert after <= 52, after


def test_a_snippet_made_outside_the_admin_still_has_a_source_change_date(site_tree):
    # Demo and script snippets have no admin log entry: the date wagtail-localize read them stands in.
    institution = InstitutionFactory(name="Parliaments")
    translate(institution, {"name": {"en": "Parliaments", "fr": "Parlements"}}, "fr")
    source = TranslationSource.objects.get(object_id=institution.translation_key)
    row = status_of(institution, "fr")
    assert row.source_changed_at == source.last_updated_at
    assert row.status == UP_TO_DATE


def test_a_draft_snippet_translation_is_in_progress(site_tree):
    institution = InstitutionFactory(name="Parliaments")
    french = translate(institution, {"name": {"en": "Parliaments", "fr": "Parlements"}}, "fr", publish=False)
    assert not french.live
    assert status_of(institution, "fr").status == IN_PROGRESS


def test_the_command_takes_the_language_code_in_any_case(site_tree):
    assert {row["language"] for row in command_json("--locale", "FR")["translations"]} == {"fr"}
    with pytest.raises(CommandError, match="Unknown language 'xx'"):
        command_json("--locale", "xx")
