"""The translator's and moderator's journey (issue 11): notified, refused while unfinished, approved when complete."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeIndexPage
from website.demo_users import DEMO_PASSWORD

from .test_editor import log_in

TITLE = "Early warning network"
SLUG = "early-warning-network"
SUMMARY = "Neighbours who warn defenders before a raid."
PARAGRAPH = "A call tree reaches every defender in a district within an hour."
FRENCH = {
    TITLE: "Réseau d'alerte précoce",
    SLUG: "reseau-alerte-precoce",
    SUMMARY: "Des voisins qui préviennent les défenseurs avant une descente.",
    PARAGRAPH: "Une chaîne d'appels joint chaque défenseur d'un district en une heure.",
}
TRANSLATE = re.compile(r"^(Translate|Traduire)$")


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


def test_translator_is_notified_refused_until_complete_and_the_moderator_approves(new_visit, orm):
    from playwright.sync_api import expect

    with orm():
        source = ProgrammePageFactory(
            parent=ProgrammeIndexPage.objects.get(locale__language_code="en"),
            title=TITLE,
            slug=SLUG,
            summary=SUMMARY,
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
    submit = page.locator("footer.translation-review-footer").get_by_role(
        "button", name="Soumettre la traduction à relecture"
    )
    expect(submit).to_be_visible()
    assert page.locator("footer.translation-review-footer [data-w-dropdown-target='toggle']").count() == 0
    # Everything on the Content tab; the slug, on the Promote tab, is left for later.
    for original in (TITLE, SUMMARY, PARAGRAPH):
        translate_segment(page, original, FRENCH[original])
    submit.click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("1 segment sur 4 n’est pas encore traduit.")
    with orm():
        assert not Page.objects.get(pk=french.pk).workflow_in_progress

    # It finishes and submits.
    page.get_by_role("tab", name=re.compile("Promot")).click()
    translate_segment(page, SLUG, FRENCH[SLUG])
    page.locator("footer.translation-review-footer").get_by_role(
        "button", name="Soumettre la traduction à relecture"
    ).click()
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
    expect(row.locator("td.translation-progress")).to_contain_text("4/4 translated")
    with orm():
        task_state = french.current_workflow_task_state
        preview_path = reverse("wagtailadmin_pages:workflow_preview", args=[french.pk, task_state.task_id])
    moderator.goto(preview_path)
    expect(mpage.locator(".translation-preview-notice")).to_contain_text("4/4 translated")

    moderator.goto("/admin/")
    row.get_by_role("button", name="Actions").click()
    with mpage.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()  # no comment: no modal
    with orm():
        french = Page.objects.get(pk=french.pk)
        assert french.live
        assert french.title == FRENCH[TITLE]
        url = french.url
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    assert "translation-preview-notice" not in visitor.page.content()
    assert visit.csp_violations() == [] and moderator.csp_violations() == []
