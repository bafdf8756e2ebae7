"""Translation memory: what the site's earlier translations offer a segment that lost its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from translations.memory import NotASuggestion, changed_segments, use_suggestion, word_diff

pytestmark = pytest.mark.django_db


def paragraph_page(parent, *paragraphs, **fields):
    body = [{"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}]
    return ProgrammePageFactory(parent=parent, body=body, **fields)


def translate(page, language, texts):
    """wagtail-localize's records for `page` in `language`, with `texts` (source → translation) filled in."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data], "translation_type": "manual"},
            )
    return translation


def rewrite(page, *paragraphs):
    """The editor replaces the page's paragraphs (same block) and the translation is synced."""
    page = ProgrammePage.objects.get(pk=page.pk)
    body = [dict(block) for block in page.body.raw_data]
    body[0]["value"] = "".join(f"<p>{text}</p>" for text in paragraphs)
    page.body = body
    page.save_revision().publish()
    TranslationSource.objects.get(object_id=page.translation_key).update_from_db()


def by_source(translation):
    return {changed.source: changed for changed in changed_segments(translation)}


def test_word_diff_marks_removed_and_added_words_and_escapes_the_text():
    before, after = word_diff("States must protect defenders.", "States must protect and support defenders.")
    assert before == "States must protect defenders."
    assert after == "States must protect <ins>and support </ins>defenders."
    before, after = word_diff("Use <script> & co", "Use <b> & co")
    assert before == "Use <del>&lt;script&gt;</del> &amp; co"
    assert after == "Use <ins>&lt;b&gt;</ins> &amp; co"


def test_a_changed_segment_is_offered_the_previous_translation_of_its_place(site_tree):
    page = paragraph_page(site_tree["en"]["index"], "States must protect defenders.", title="Duties")
    translation = translate(
        page, "fr", {"States must protect defenders.": "Les États doivent protéger les défenseurs."}
    )
    assert changed_segments(translation) == []  # "Duties" is untranslated, and new: nothing to offer

    rewrite(page, "States must protect and support defenders.")

    changed = by_source(translation)
    assert list(changed) == ["States must protect and support defenders."]
    segment = changed["States must protect and support defenders."]
    assert segment.old_source == "States must protect defenders."
    assert segment.previous.text == "Les États doivent protéger les défenseurs."
    assert segment.same_text == []


def test_several_changed_paragraphs_of_one_block_each_get_their_own_previous_translation(site_tree):
    page = paragraph_page(
        site_tree["en"]["index"],
        "Defenders need protection from harassment.",
        "Parliaments must hear civil society.",
        "This paragraph stays as it was.",
    )
    translation = translate(
        page,
        "fr",
        {
            "Defenders need protection from harassment.": "Les défenseurs ont besoin de protection.",
            "Parliaments must hear civil society.": "Les parlements doivent entendre la société civile.",
            "This paragraph stays as it was.": "Ce paragraphe reste tel quel.",
        },
    )

    rewrite(
        page,
        "Parliaments must hear civil society organisations.",
        "Defenders need protection from judicial harassment.",
        "This paragraph stays as it was.",
    )

    changed = by_source(translation)
    assert set(changed) == {
        "Parliaments must hear civil society organisations.",
        "Defenders need protection from judicial harassment.",
    }
    assert (
        changed["Parliaments must hear civil society organisations."].previous.text
        == "Les parlements doivent entendre la société civile."
    )
    assert (
        changed["Defenders need protection from judicial harassment."].previous.text
        == "Les défenseurs ont besoin de protection."
    )


def test_the_same_text_translated_elsewhere_is_offered_in_that_language_only(site_tree):
    index = site_tree["en"]["index"]
    other = paragraph_page(index, "Protection is a collective responsibility.", "Only French has this one.")
    translate(
        other,
        "fr",
        {
            "Protection is a collective responsibility.": "La protection est collective.",
            "Only French has this one.": "Seul le français l'a.",
        },
    )
    translate(other, "es", {"Protection is a collective responsibility.": "La protección es colectiva."})
    page = paragraph_page(index, "Protection is a collective responsibility.", "Only French has this one.")

    french = by_source(translate(page, "fr", {}))
    spanish = by_source(translate(page, "es", {}))

    offered = french["Protection is a collective responsibility."]
    assert offered.previous is None and offered.diff is None
    assert [suggestion.text for suggestion in offered.same_text] == ["La protection est collective."]
    assert [s.text for s in french["Only French has this one."].same_text] == ["Seul le français l'a."]
    assert [s.text for s in spanish["Protection is a collective responsibility."].same_text] == [
        "La protección es colectiva."
    ]
    assert "Only French has this one." not in spanish


def test_using_a_suggestion_stores_it_and_only_an_offered_one(site_tree, django_user_model):
    page = paragraph_page(site_tree["en"]["index"], "States must protect defenders.")
    translation = translate(
        page, "fr", {"States must protect defenders.": "Les États doivent protéger les défenseurs."}
    )
    spanish = translate(page, "es", {"States must protect defenders.": "Los Estados deben proteger."})
    rewrite(page, "States must protect and support defenders.")
    segment = StringSegment.objects.get(
        source=translation.source, string__data="States must protect and support defenders."
    )
    spanish_row = StringTranslation.objects.get(locale=spanish.target_locale)
    user = django_user_model.objects.create_user(username="translator")

    with pytest.raises(NotASuggestion):
        use_suggestion(translation, segment.pk, spanish_row.pk, user)

    suggestion = by_source(translation)["States must protect and support defenders."].previous
    stored = use_suggestion(translation, segment.pk, suggestion.id, user)

    assert stored.data == "Les États doivent protéger les défenseurs."
    assert (stored.translation_of_id, stored.context_id) == (segment.string_id, segment.context_id)
    assert changed_segments(translation) == []
    with pytest.raises(NotASuggestion):  # translated now: nothing overwrites it
        use_suggestion(translation, segment.pk, suggestion.id, user)


def test_the_memory_runs_a_fixed_number_of_queries(site_tree):
    def queries(paragraph_count):
        texts = [f"Paragraph {n} of {paragraph_count}." for n in range(paragraph_count)]
        page = paragraph_page(site_tree["en"]["index"], *texts)
        translation = translate(page, "fr", {text: f"Paragraphe {text}" for text in texts})
        rewrite(page, *[f"{text} Changed." for text in texts])
        with CaptureQueriesContext(connection) as captured:
            assert len(changed_segments(translation)) == paragraph_count
        return len(captured)

    assert queries(2) == queries(8)
