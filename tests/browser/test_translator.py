"""The translator's and moderator's journey (issue 11): notified, refused while unfinished, approved
when complete; then the source changes, and the translator syncs, reuses the earlier translation,
resubmits, and the moderator publishes the French page with its own alt text."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from home.demo_users import DEMO_PASSWORD
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeIndexPage, ProgrammePage
from website.factories import CustomImageFactory

from .test_editor import log_in

pytestmark = pytest.mark.journey

TITLE = "Early warning network"
SLUG = "early-warning-network"
SUMMARY = "Neighbours who warn defenders before a raid."
PARAGRAPH = "A call tree reaches every defender in a district within an hour."
# The hero image's own alt text: the page leaves it to the image (upstream/localize_image_alt_text.py).
ALT = "Neighbours gathered around a phone"
FRENCH = {
    TITLE: "Réseau d'alerte précoce",
    SLUG: "reseau-alerte-precoce",
    SUMMARY: "Des voisins qui préviennent les défenseurs avant une descente.",
    PARAGRAPH: "Une chaîne d'appels joint chaque défenseur d'un district en une heure.",
    ALT: "Des voisins réunis autour d'un téléphone",
}
# Later, the English paragraph changes: its last words are replaced in the page editor.
OLD_ENDING = "an hour."
NEW_ENDING = "twenty minutes."
NEW_PARAGRAPH = PARAGRAPH.removesuffix(OLD_ENDING) + NEW_ENDING
NEW_FRENCH_PARAGRAPH = "Une chaîne d'appels joint chaque défenseur d'un district en vingt minutes."
TRANSLATE = re.compile(r"^(Translate|Traduire)$")
SUBMIT_TRANSLATION = "Soumettre la traduction à relecture"


def translate_segment(page, original, translation):
    segment = (
        page.locator("li")
        .filter(has=page.get_by_text(original, exact=True))
        .filter(has=page.get_by_role("button", name=TRANSLATE))
        .last
    )
    segment.get_by_role("button", name=TRANSLATE).click()
    editing = page.locator("li").filter(has=page.locator("textarea")).last
    editing.locator("textarea").fill(translation)
    editing.get_by_role("button", name=re.compile(r"^(Save|Enregistrer)$")).click()
    page.get_by_text(translation, exact=True).wait_for()


def edit_segment(page, original, translation):
    """Replace the translation of a translated segment (its button says Edit)."""
    segment = (
        page.locator("li")
        .filter(has=page.get_by_text(original, exact=True))
        .filter(has=page.get_by_role("button", name=re.compile(r"^(Edit|Modifier)$")))
        .last
    )
    segment.get_by_role("button", name=re.compile(r"^(Edit|Modifier)$")).click()
    editing = page.locator("li").filter(has=page.locator("textarea")).last
    editing.locator("textarea").fill(translation)
    editing.get_by_role("button", name=re.compile(r"^(Save|Enregistrer)$")).click()
    page.get_by_text(translation, exact=True).wait_for()


def approve_from_dashboard(moderator, title):
    mpage = moderator.page
    moderator.goto("/admin/")
    row = mpage.locator("#awaiting-review-content tr, section:has(#awaiting-review-heading) tr").filter(
        has_text=title
    )
    row.get_by_role("button", name="Actions").click()
    with mpage.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()  # no comment: no modal


def test_translator_is_refused_until_complete_then_updates_the_translation_when_the_source_changes(
    new_visit, orm
):
    from playwright.sync_api import expect

    with orm():
        source = ProgrammePageFactory(
            parent=ProgrammeIndexPage.objects.get(locale__language_code="en"),
            title=TITLE,
            slug=SLUG,
            summary=SUMMARY,
            hero_image=CustomImageFactory(alt_text=ALT),
            hero_alt_text="",
            body=[{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}],
        )
        source.save_revision().publish()
    mail.outbox = []

    # Communications staff send the page for translation into French.
    editor = new_visit()
    log_in(editor, "editor", DEMO_PASSWORD)
    editor.goto(f"/admin/localize/submit/page/{source.pk}/")
    editor.page.get_by_label("French").check()
    editor.page.locator("main form [type=submit]").click()
    editor.page.wait_for_url(editor.url(f"/admin/pages/{source.get_parent().pk}/"))

    # The French translator is told, in French, with the link to the translation.
    with orm():
        french = Page.objects.get(translation_key=source.translation_key, locale__language_code="fr")
    notices = [message for message in mail.outbox if message.to == ["translator-fr@example.org"]]
    assert len(notices) == 1, [message.to for message in mail.outbox]
    assert "attend votre traduction en français" in notices[0].subject
    link = re.search(r"https?://\S+", notices[0].body).group(0)
    assert urlsplit(link).path == f"/admin/pages/{french.pk}/edit/"
    assert not [message for message in mail.outbox if message.to == ["translator-es@example.org"]]

    visit = new_visit(locale="fr-FR")
    log_in(visit, "translator-fr", DEMO_PASSWORD)
    page = visit.page
    waiting = page.locator("#waiting-for-translation-content, section:has(#waiting-for-translation-heading)")
    expect(page.get_by_text("En attente de votre traduction")).to_be_visible()
    assert page.locator(f"a[href='/admin/pages/{french.pk}/edit/']").count() >= 1, waiting.count()

    # The translator opens the link, translates all but one segment and is refused with the count.
    visit.goto(urlsplit(link).path)
    expect(page.get_by_text("La traduction automatique n’est pas configurée sur ce site")).to_be_visible()
    # Only what they may do: no "Stop Synced translation", Submit in the fixed footer.
    expect(page.get_by_role("button", name=re.compile("Stop Synced translation|Arrêter"))).to_have_count(0)
    submit = page.locator("footer.translation-review-footer").get_by_role("button", name=SUBMIT_TRANSLATION)
    expect(submit).to_be_visible()
    assert page.locator("footer.translation-review-footer [data-w-dropdown-target='toggle']").count() == 0
    # Everything on the Content tab; the slug, on the Promote tab, is left for later.
    # The hero image's alt text, left to the image, is a segment like the others.
    for original in (TITLE, SUMMARY, ALT, PARAGRAPH):
        translate_segment(page, original, FRENCH[original])
    submit.click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("1 segment sur 5 n’est pas encore traduit.")
    with orm():
        assert not Page.objects.get(pk=french.pk).workflow_in_progress

    # It finishes and submits.
    page.get_by_role("tab", name=re.compile("Promot")).click()
    translate_segment(page, SLUG, FRENCH[SLUG])
    page.locator("footer.translation-review-footer").get_by_role("button", name=SUBMIT_TRANSLATION).click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("soumis")
    with orm():
        french = Page.objects.get(pk=french.pk).specific
        assert french.workflow_in_progress and not french.live

    # The moderator sees that it is complete, in the review list and in the preview, and approves.
    moderator = new_visit()
    log_in(moderator, "moderator", DEMO_PASSWORD)
    mpage = moderator.page
    row = mpage.locator("#awaiting-review-content tr, section:has(#awaiting-review-heading) tr").filter(
        has_text=FRENCH[TITLE]
    )
    expect(row.locator("td.translation-progress")).to_contain_text("5/5 translated")
    with orm():
        task_state = french.current_workflow_task_state
        preview_path = reverse("wagtailadmin_pages:workflow_preview", args=[french.pk, task_state.task_id])
    moderator.goto(preview_path)
    expect(mpage.locator(".translation-preview-notice")).to_contain_text("5/5 translated")

    approve_from_dashboard(moderator, FRENCH[TITLE])
    with orm():
        french = Page.objects.get(pk=french.pk)
        assert french.live
        assert french.title == FRENCH[TITLE]
        url = french.url
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    assert "translation-preview-notice" not in visitor.page.content()
    assert FRENCH[PARAGRAPH] in visitor.page.locator("main").inner_text()

    # The English paragraph changes: the moderator edits it in the page editor and publishes.
    moderator.goto(f"/admin/pages/{source.pk}/edit/")
    paragraph = mpage.locator("#body-root [contenteditable='true']").first
    expect(paragraph).to_contain_text(PARAGRAPH)
    paragraph.click()
    mpage.keyboard.press("Control+End")
    for _letter in OLD_ENDING:
        mpage.keyboard.press("Backspace")
    mpage.keyboard.type(NEW_ENDING)
    expect(paragraph).to_contain_text(NEW_PARAGRAPH)
    # Draftail writes its content to the form's hidden input a moment after typing.
    expect(mpage.locator("#body-root input[name='body-0-value']")).to_have_value(re.compile(NEW_ENDING))
    mpage.locator("footer [data-w-dropdown-target='toggle']").last.click()
    mpage.locator("footer button[name='action-publish']").click()
    mpage.wait_for_load_state()
    expect(mpage.locator(".messages")).to_contain_text("published")
    with orm():
        source = ProgrammePage.objects.get(pk=source.pk)
        assert NEW_PARAGRAPH in str(source.body)

    # The translator opens the translation: it says that the English page changed.
    visit.goto(f"/admin/pages/{french.pk}/edit/")
    notice = page.locator(".translation-out-of-date")
    expect(notice).to_contain_text("La page en anglais a changé le")
    notice.get_by_role("button", name="Mettre à jour cette traduction").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text(
        "La traduction suit maintenant la version actuelle en anglais : 1 segment est à traduire."
    )
    expect(page.locator(".translation-out-of-date")).to_have_count(0)

    # The changed paragraph, word by word, with its earlier French translation to reuse.
    changed = page.locator(".translation-changed-segments tbody tr")
    expect(changed).to_have_count(1)
    # Word by word: the unchanged space between two changed words is not marked.
    expect(changed.locator(".translation-diff-before del")).to_have_text(OLD_ENDING.split())
    expect(changed.locator(".translation-diff-after ins")).to_have_text(NEW_ENDING.split())
    expect(changed.locator(".translation-diff-before")).to_have_text(PARAGRAPH)
    expect(changed.locator(".translation-diff-after")).to_have_text(NEW_PARAGRAPH)
    suggestion = changed.locator("form.translation-suggestion")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("Traduction précédente")
    expect(suggestion).to_contain_text(FRENCH[PARAGRAPH])
    suggestion.get_by_role("button", name="Reprendre cette suggestion").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("La suggestion a été reprise")
    expect(page.locator(".translation-changed-segments")).to_have_count(0)

    # The earlier translation is in the editor, to be brought up to date, then resubmitted.
    edit_segment(page, NEW_PARAGRAPH, NEW_FRENCH_PARAGRAPH)
    page.locator("footer.translation-review-footer").get_by_role("button", name=SUBMIT_TRANSLATION).click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("soumis")
    with orm():
        assert Page.objects.get(pk=french.pk).workflow_in_progress
    # Visitors keep the approved French text until the moderator approves the new one. (Each
    # visitor is a new browser: public pages are cached for minutes, by browsers too.)
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    assert FRENCH[PARAGRAPH] in visitor.page.locator("main").inner_text()

    # The moderator approves; the French page has the new French text and its French alt text.
    approve_from_dashboard(moderator, FRENCH[TITLE])
    with orm():
        french = Page.objects.get(pk=french.pk)
        assert french.live and not french.workflow_in_progress
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    main = visitor.page.locator("main")
    assert NEW_FRENCH_PARAGRAPH in main.inner_text()
    assert FRENCH[PARAGRAPH] not in main.inner_text()
    assert main.locator("figure.hero img").get_attribute("alt") == FRENCH[ALT]
    assert ALT not in visitor.page.content()
    assert visit.csp_violations() == [] and moderator.csp_violations() == []
