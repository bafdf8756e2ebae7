"""An unfinished translation is refused for review and shows how far it got (issue 11, item 11)."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from .conftest import login
from .test_workflow import FRENCH, fill_segments, submit_for_translation

pytestmark = pytest.mark.django_db


def submit(client, page):
    return client.post(reverse("translation_submit_for_review", args=[page.pk]), follow=True)


def test_an_incomplete_translation_is_refused_with_the_count_of_what_is_missing(client, users, eu_guidelines):
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    unfinished = dict(list(FRENCH.items())[:2])  # 2 of the 5 segments
    fill_segments(client, french, unfinished, partial=True)

    html = submit(client, french).content.decode()
    assert "3 of 5 segments are not translated yet." in html
    assert not Page.objects.get(pk=french.pk).workflow_in_progress

    fill_segments(client, french, FRENCH)
    html = submit(client, french).content.decode()
    assert "not translated yet" not in html
    assert Page.objects.get(pk=french.pk).workflow_in_progress


def test_a_segment_kept_as_in_the_source_counts_as_translated(client, users, eu_guidelines):
    # "A/RES/53/144" or a proper name stays as it is: the translator enters it unchanged.
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    kept = {**FRENCH, "Why it matters": "Why it matters"}
    fill_segments(client, french, kept)

    html = submit(client, french).content.decode()
    assert "not translated yet" not in html
    assert Page.objects.get(pk=french.pk).workflow_in_progress


def test_an_incomplete_snippet_translation_is_refused(client, users, roles):
    from programmes.factories import InstitutionFactory
    from programmes.models import Institution

    parliaments = InstitutionFactory(name="Parliaments")
    french_locale = Locale.objects.get(language_code="fr")
    login(client, users["editor"]).post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["programmes", "institution", parliaments.pk]
        ),
        {"locales": [french_locale.pk]},
    )
    french = Institution.objects.get(translation_key=parliaments.translation_key, locale=french_locale)
    url = reverse("translation_submit_snippet_for_review", args=["programmes", "institution", french.pk])
    html = login(client, users["translator-fr"]).post(url, follow=True).content.decode()
    assert "1 of 1 segments is not translated yet." in html
    assert not Institution.objects.get(pk=french.pk).workflow_in_progress

    translation = Translation.objects.get(
        source__object_id=parliaments.translation_key, target_locale=french_locale
    )
    segment = StringSegment.objects.get(source=translation.source)
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Parlements"}),
        content_type="application/x-www-form-urlencoded",
    )
    client.post(url)
    assert Institution.objects.get(pk=french.pk).workflow_in_progress


def test_the_page_edit_views_submit_action_does_not_start_a_review_of_a_synced_translation(
    client, users, eu_guidelines
):
    # wagtail-localize's segment editor answers every POST to the edit view of a synced
    # translation; the only way to review is the checked "Submit translation for review".
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[french.pk]),
        {"action-submit": "1", "title": "Promouvoir", "slug": "promouvoir"},
    )
    assert response.status_code == 302
    assert not Page.objects.get(pk=french.pk).workflow_in_progress


def test_a_translator_resubmits_after_the_moderator_asks_for_changes(client, users, eu_guidelines):
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    fill_segments(client, french, FRENCH)
    submit(client, french)
    login(client, users["moderator"])
    task_state = Page.objects.get(pk=french.pk).specific.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[french.pk, "reject", task_state.pk]),
        {"comment": "Plus court, s'il vous plaît."},
    )
    assert response.status_code in (200, 302)
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_state.status == "needs_changes"

    login(client, users["translator-fr"])
    html = submit(client, french).content.decode()
    assert "already waiting for review" not in html
    french = Page.objects.get(pk=french.pk).specific
    assert french.current_workflow_state.status == "in_progress"
    assert french.current_workflow_task_state.status == "in_progress"


# What the moderator sees --------------------------------------------------------------------------


@pytest.fixture
def french_under_review(client, users, eu_guidelines):
    """A finished French translation submitted for review by the French translator."""
    french = submit_for_translation(client, users["editor"], eu_guidelines, "fr")
    login(client, users["translator-fr"])
    fill_segments(client, french, FRENCH)
    submit(client, french)
    french = Page.objects.get(pk=french.pk).specific
    assert french.workflow_in_progress
    return french


def untranslate(page, text):
    """A segment loses its translation, as when the source gains a sentence and is synced."""
    from wagtail_localize.models import StringTranslation

    StringTranslation.objects.filter(locale=page.locale, translation_of__data=text).delete()


def review_row(html, title):
    start = html.index("Awaiting your review")
    row = html[html.index(title, start) :]
    return row[: row.index("</tr>")]


def test_the_moderators_review_list_shows_how_much_is_translated(client, users, french_under_review):
    login(client, users["moderator"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "5/5 translated" in review_row(html, "Promouvoir les Orientations")

    untranslate(french_under_review, "Why it matters")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    row = review_row(html, "Promouvoir les Orientations")
    assert "4/5 translated" in row
    assert "1 of 5 segments is not translated yet." in row


def test_the_completeness_column_costs_no_query_per_row(
    client, users, roles, french_under_review, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programmes.factories import ProgrammePageFactory
    from translations import review

    def dashboard_queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("wagtailadmin_home"))
        return len(captured)

    def growth_per_row():
        login(client, users["moderator"])
        dashboard_queries()
        one_row = dashboard_queries()
        page = ProgrammePageFactory(parent=roles["en"]["index"])
        translation = submit_for_translation(client, users["editor"], page, "fr")
        login(client, users["translator-fr"])
        fill_segments(client, translation, {text: f"fr {text}" for text in _source_texts(translation)})
        submit(client, translation)
        login(client, users["moderator"])
        return dashboard_queries() - one_row

    ours = growth_per_row()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count("5/5 translated") + html.count("3/3 translated") >= 2
    monkeypatch.setattr(review, "show_completeness_in_review_panel", lambda panels: None)
    wagtails = growth_per_row()
    assert ours == wagtails


def _source_texts(page):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    return [segment.string.data for segment in StringSegment.objects.filter(source=translation.source)]


def test_the_preview_of_a_translation_says_how_much_is_translated(client, users, french_under_review):
    login(client, users["moderator"])
    task_state = french_under_review.current_workflow_task_state
    preview_url = reverse(
        "wagtailadmin_pages:workflow_preview", args=[french_under_review.pk, task_state.task_id]
    )
    html = client.get(preview_url).content.decode()
    assert "Preview of a translation into French: 5/5 translated." in html

    untranslate(french_under_review, "Why it matters")
    html = client.get(preview_url).content.decode()
    assert "4/5 translated" in html
    assert "1 of 5 segments is not translated yet." in html


def test_visitors_never_see_the_translation_notice(client, users, french_under_review):
    login(client, users["moderator"])
    task_state = french_under_review.current_workflow_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[french_under_review.pk, "approve", task_state.pk]
        ),
        {"comment": ""},
    )
    client.logout()
    response = client.get(Page.objects.get(pk=french_under_review.pk).url)
    assert response.status_code == 200
    assert "translation-preview-notice" not in response.content.decode()
