"""An editor publishes a programme page; a French translator translates it and submits it for review;
an editor asks for a page to be unpublished and a moderator unpublishes it in every language."""

import re

import pytest
from wagtail.models import Page

from conftest import translate_page
from home.demo_users import DEMO_PASSWORD
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeIndexPage, ProgrammePage

pytestmark = pytest.mark.journey

TITLE = "Protection desks"
SUMMARY = "Desks that answer defenders who ask for help."
PARAGRAPH = "Regional desks answer a defender's call within a day."
FRENCH = {
    TITLE: "Bureaux de protection",
    SUMMARY: "Des bureaux qui répondent aux défenseurs qui demandent de l'aide.",
    PARAGRAPH: "Les bureaux régionaux répondent à l'appel d'un défenseur en un jour.",
}

# What the editor made, for the translator's test that follows.
created = {}


def log_in(visit, username, password):
    visit.goto("/admin/login/")
    visit.page.fill("#id_username", username)
    visit.page.fill("#id_password", password)
    visit.page.click("button[type=submit]")
    visit.page.wait_for_url(visit.url("/admin/"))


def test_editor_creates_and_publishes_a_programme_page(new_visit, orm):
    # Imported here: without Playwright installed, the test skips instead of breaking collection.
    from playwright.sync_api import expect

    with orm():
        index = ProgrammeIndexPage.objects.get(locale__language_code="en")
    visit = new_visit()
    log_in(visit, "admin", DEMO_PASSWORD)

    visit.goto(f"/admin/pages/add/programmes/programmepage/{index.pk}/")
    page = visit.page
    page.locator("#id_title").press_sequentially(TITLE)  # typed, so Wagtail fills in the slug
    page.fill("#id_summary", SUMMARY)
    page.click("#body-root button[title='Insert a block']")
    page.get_by_role("option", name="Paragraph").click()
    paragraph = page.locator("#body-root [contenteditable='true']").first
    paragraph.click()
    page.keyboard.type(PARAGRAPH)
    expect(paragraph).to_contain_text(PARAGRAPH)
    # Draftail writes its content to the form's hidden input a moment after typing.
    expect(page.locator("#body-root input[name='body-0-value']")).to_have_value(re.compile("Regional desks"))
    # The add form does not autosave (website/autosave_gaps.py): nothing is created
    # behind the editor's back, and Publish posts the one and only creation.
    assert "w-autosave" not in page.locator("form#page-edit-form").get_attribute("data-controller")
    assert re.search(r"/admin/pages/add/", page.url)
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state()
    errors = page.locator("[data-contentpath]:has(.error-message)").evaluate_all(
        "fields => fields.map(field => field.dataset.contentpath + ': ' + field.querySelector('.error-message').innerText)"
    )
    assert not errors, errors
    page.wait_for_url(visit.url(f"/admin/pages/{index.pk}/"))
    assert f"'{TITLE}'" in page.locator(".messages").inner_text()
    assert "published" in page.locator(".messages").inner_text()

    with orm():
        programme = ProgrammePage.objects.get(title=TITLE, locale__language_code="en")
        assert programme.live
        url = programme.url
    created["programme"] = programme.pk

    # The editor sees it on the site, as a visitor would.
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    assert visitor.page.locator("h1").inner_text() == TITLE
    assert PARAGRAPH in visitor.page.locator("main").inner_text()
    visitor.goto(index.url)
    assert visitor.page.locator(f"main a[href='{url}']").count() == 1

    # The admin works under its own Content-Security-Policy and contacts no other host.
    assert visit.csp_violations() == []
    assert visit.foreign_requests() == []


def test_french_translator_translates_the_page_and_submits_it_for_review(new_visit, orm):
    with orm():
        if "programme" in created:  # the page the editor published in the previous test
            source = ProgrammePage.objects.get(pk=created["programme"])
        else:  # run alone, or on another worker: the same page, made as the editor would
            source = ProgrammePageFactory(
                parent=ProgrammeIndexPage.objects.get(locale__language_code="en"),
                title=TITLE,
                slug="protection-desks",
                summary=SUMMARY,
                body=[{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}],
            )
            source.save_revision().publish()
        assert source.get_workflow() is not None, "programme pages go through the review workflow"

    # Communications staff send the page for translation into French.
    editor = new_visit()
    log_in(editor, "editor", DEMO_PASSWORD)
    editor.goto(f"/admin/localize/submit/page/{source.pk}/")
    editor.page.get_by_label("French").check()
    editor.page.locator("main form [type=submit]").click()
    # Editors work in English: they go back to the programmes, not to a French editor they may not open.
    editor.page.wait_for_url(editor.url(f"/admin/pages/{source.get_parent().pk}/"))
    messages = editor.page.locator(".messages").inner_text()
    assert "submitted for translation into French" in messages
    assert "permission" not in messages
    with orm():
        french = Page.objects.get(translation_key=source.translation_key, locale__language_code="fr")
        assert not french.live

    # The translator fills in every segment in wagtail-localize's editor.
    visit = new_visit(locale="fr-FR")
    log_in(visit, "translator-fr", DEMO_PASSWORD)  # the demo's French translator
    visit.goto(f"/admin/pages/{french.pk}/edit/")
    page = visit.page
    for original, translation in FRENCH.items():
        segment = (
            page.locator("li, section, div")
            .filter(has_text=original)
            .filter(has=page.get_by_role("button", name=re.compile(r"^(Translate|Traduire)$")))
            .last
        )
        segment.get_by_role("button", name=re.compile(r"^(Translate|Traduire)$")).click()
        # Once open, the segment has no Translate button: find it again by its one text area.
        editing = page.locator("li").filter(has=page.locator("textarea")).last
        editing.locator("textarea").fill(translation)
        editing.get_by_role("button", name=re.compile(r"^(Save|Enregistrer)$")).click()
        page.get_by_text(translation, exact=True).wait_for()
    # The slug is a segment too, on the Promote tab: an unfinished translation is not accepted for review.
    page.get_by_role("tab", name=re.compile("Promot")).click()
    translate = page.get_by_role("button", name=re.compile(r"^(Translate|Traduire)$"))
    page.locator("li").filter(has=page.get_by_text("protection-desks", exact=True)).filter(
        has=translate
    ).last.get_by_role("button", name=re.compile(r"^(Translate|Traduire)$")).click()
    editing = page.locator("li").filter(has=page.locator("textarea")).last
    editing.locator("textarea").fill("bureaux-de-protection")
    editing.get_by_role("button", name=re.compile(r"^(Save|Enregistrer)$")).click()
    page.get_by_text("bureaux-de-protection", exact=True).wait_for()

    # Submitted for review, not published: a translator cannot publish.
    footer = page.locator("footer")
    assert footer.get_by_role("button", name=re.compile("Publish|Publier")).count() == 0
    page.get_by_role("button", name="Soumettre la traduction à relecture").click()
    page.wait_for_load_state()
    assert "soumis" in page.locator(".messages").inner_text()

    with orm():
        french = Page.objects.get(pk=french.pk)
        assert not french.live
        state = french.current_workflow_state
        assert state is not None and state.status == "in_progress"
        assert french.get_latest_revision().content["title"] == FRENCH[TITLE]
    assert visit.csp_violations() == []


CTA_TITLE = "Join the parliamentary network"
# What the editor writes in the other blocks, and the visitor then reads on the published page.
BLOCK_HEADING = "Parliaments that protect"
BLOCK_PARAGRAPH = "Members of parliament can question ministers about threats to defenders."
BLOCK_QUOTE = "A parliament that listens to defenders protects them."
KEY_FACT = ("12", "members of parliament in the network")
IMAGE_ALT = "Defenders and members of parliament in a committee room"
EMBED = ("https://www.youtube.com/watch?v=parliament-network", "Defenders speak to parliament")
BODY_BLOCKS = [
    "call_to_action",
    "heading",
    "paragraph",
    "quote",
    "image",
    "key_facts",
    "document_link",
    "embed",
]
SAVED_BY_THE_FORM_TEST = ["table", "accordion", "gallery", "publication_list"]


def test_communications_editor_fixes_a_call_to_action_saves_compares_and_submits(new_visit, orm, tmp_path):
    """The journey of an editor who can never publish: a page with every body block, its image
    uploaded on the way, a block error shown and fixed, a Save that meets an autosave, the
    comparison of the two versions, Submit as the main action; then the moderator approves it
    from the dashboard and a visitor reads it."""
    from PIL import Image
    from playwright.sync_api import expect

    from website.blocks import BodyBlock
    from website.models import CustomDocument, CustomImage

    # Every block the editor's menu offers, so a new block cannot be left out of the journey.
    # Every body block is written here, but for four that the admin form's test saves
    # (tests/website/test_blocks.py, test_the_new_blocks_are_cleaned_and_saved_through_the_admin_form).
    assert sorted(BODY_BLOCKS + SAVED_BY_THE_FORM_TEST) == sorted(BodyBlock.base_blocks)
    photo = tmp_path / "committee-room.png"
    Image.new("RGB", (120, 80), (40, 90, 140)).save(photo)
    with orm():
        index = ProgrammeIndexPage.objects.get(locale__language_code="en")
        document = CustomDocument.objects.order_by("pk").first()
        assert document is not None, "the demo has documents to link to"
    visit = new_visit()
    # Each connection of Wagtail's unsaved-changes controller ("w-unsaved:ready", twice on the
    # edit form) reads the form as it stands 2 s later ("w-unsaved:watch-edits"); an edit made
    # before the last of those reads is taken for the form's initial state, and never autosaved.
    visit.page.add_init_script(
        "window.unsavedReady = 0; window.editsWatched = 0;"
        "document.addEventListener('w-unsaved:ready', () => { window.unsavedReady += 1; });"
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched += 1; });"
    )
    log_in(visit, "editor", DEMO_PASSWORD)
    visit.goto(f"/admin/pages/add/programmes/programmepage/{index.pk}/")
    page = visit.page
    footer = page.locator("footer")
    # For someone who cannot publish, submitting for review is the main button.
    expect(footer.locator(".w-dropdown-button > button").first).to_have_attribute("name", "action-submit")
    toggle = footer.get_by_role("button", name="More actions")
    expect(toggle).to_be_visible()

    page.locator("#id_title").press_sequentially(CTA_TITLE)
    page.fill("#id_summary", "How members of parliament can protect defenders.")
    page.click("#body-root button[title='Insert a block']")
    page.get_by_role("option", name="Call to action").click()
    page.fill("input[name='body-0-value-heading']", "Work with us")
    page.fill("input[name='body-0-value-link_text']", "Contact the team")

    # Every other block, each added at the end of the body (its fields are named by its position).
    def append_block(label):
        page.locator("#body-root button[title='Insert a block']").last.click()
        page.get_by_role(
            "option", name=re.compile(rf"^{label}")
        ).first.click()  # "Image", not "Image gallery"

    append_block("Heading")
    page.fill("input[name='body-1-value-text']", BLOCK_HEADING)
    append_block("Paragraph")
    paragraph = page.locator("#body-root [contenteditable='true']").first
    paragraph.click()
    page.keyboard.type(BLOCK_PARAGRAPH)
    # Draftail writes its content to the form's hidden input a moment after typing.
    expect(page.locator("input[name='body-2-value']")).to_have_value(re.compile("question ministers"))
    append_block("Quote")
    page.fill("textarea[name='body-3-value-quote']", BLOCK_QUOTE)
    page.fill("input[name='body-3-value-attribution']", "A member of the network")

    # The image is uploaded from the block's chooser, with its alt text, without leaving the page.
    append_block("Image")
    page.locator("#body-4-value-image-chooser").get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("#id_image-chooser-upload-file").set_input_files(photo)
    modal.locator("#id_image-chooser-upload-title").fill("Committee room")
    # Uploaded without alt text: refused on the spot, and the chosen file is still there.
    alt_text = modal.locator("#id_image-chooser-upload-alt_text")
    modal.get_by_role("button", name="Upload").click()
    assert alt_text.evaluate("input => input.validationMessage") == (
        "Describe the image, or mark it as decorative."
    )
    assert modal.locator("#id_image-chooser-upload-file").evaluate("input => input.files.length") == 1
    with orm():
        assert not CustomImage.objects.filter(title="Committee room").exists()
    alt_text.fill(IMAGE_ALT)
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#body-4-value-image-title")).to_have_text("Committee room")
    with orm():
        uploaded = CustomImage.objects.get(title="Committee room")
        assert uploaded.alt_text == IMAGE_ALT

    append_block("Key facts")
    page.fill("input[name='body-5-value-heading']", "The network in numbers")
    page.fill("input[name='body-5-value-facts-0-value-figure']", KEY_FACT[0])
    page.fill("input[name='body-5-value-facts-0-value-label']", KEY_FACT[1])

    # An existing document, found through the chooser's search.
    append_block("Document link")
    page.locator("#body-6-value-document-chooser").get_by_role("button", name="Choose a document").click()
    modal.get_by_role("textbox", name=re.compile("Search")).fill(document.title)
    modal.get_by_role("link", name=document.title, exact=True).click()
    expect(modal).to_be_hidden()
    expect(page.locator("#body-6-value-document-title")).to_have_text(document.title)

    append_block("Embed")
    page.fill("input[name='body-7-value-url']", EMBED[0])
    page.fill("input[name='body-7-value-title']", EMBED[1])

    # Saved without a page or a URL: the block says what is missing, nothing breaks.
    toggle.click()
    footer.locator("button.action-save").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Choose a page or give a URL.")).to_be_visible()
    assert "/admin/pages/add/" in page.url
    with orm():
        assert not ProgrammePage.objects.filter(title=CTA_TITLE).exists()

    # Fixed and saved: the page exists once, and the editor stays in it.
    page.fill("input[name='body-0-value-url']", "https://www.protectioninternational.org/contact/")
    footer.get_by_role("button", name="More actions").click()
    footer.locator("button.action-save").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "created" in page.locator(".messages").inner_text()
    with orm():
        created = ProgrammePage.objects.get(title=CTA_TITLE)
        # Nothing the editor wrote in the other blocks was lost to the error.
        saved = created.get_latest_revision_as_object().body
        assert [block.block_type for block in saved] == BODY_BLOCKS
        assert saved[4].value["image"].pk == uploaded.pk
        assert saved[6].value["document"].pk == document.pk
    assert page.get_by_text("Choose a page or give a URL.").count() == 0

    # A change, then Save right away while autosave is taking it too: no error, still one page.
    def is_autosave(request):
        return request.method == "POST" and "application/json" in request.headers.get("accept", "")

    # Wagtail notices edits once its unsaved-changes watcher has read the loaded form
    # (it says so with a "w-unsaved:watch-edits" event, counted by the init script).
    # A loaded machine delays Wagtail's timers: wait longer than the default for them.
    page.wait_for_function(
        "() => window.unsavedReady > 0 && window.editsWatched >= window.unsavedReady", timeout=60_000
    )
    with page.expect_request(
        is_autosave, timeout=60_000
    ):  # autosave has sent the change when Save is clicked
        page.locator("input[name='body-0-value-heading']").fill("Work with us in parliament")
    footer.get_by_role("button", name="More actions").click()
    footer.locator("button.action-save").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("updated")
    assert page.locator(".messages .error, .w-field__errors .error-message").count() == 0
    with orm():
        assert ProgrammePage.objects.filter(slug=created.slug).count() == 1
        latest = ProgrammePage.objects.get(pk=created.pk).get_latest_revision_as_object()
        assert latest.body[0].value["heading"] == "Work with us in parliament"

    # The history compares the two versions and shows the change.
    visit.goto(f"/admin/pages/{created.pk}/history/")
    latest_entry = page.locator("tbody tr").first
    latest_entry.locator("[data-w-dropdown-target='toggle']").click()
    latest_entry.get_by_role("link", name="Compare with previous version").click()
    page.wait_for_load_state()
    comparison = page.locator("main").inner_text()
    assert "There are no differences" not in comparison
    assert "in parliament" in page.locator("main .addition").first.inner_text()

    # Submitted for review with the main button.
    visit.goto(f"/admin/pages/{created.pk}/edit/")
    footer.locator(".w-dropdown-button > button[name='action-submit']").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("submitted")
    with orm():
        state = ProgrammePage.objects.get(pk=created.pk).current_workflow_state
        assert state is not None and state.status == "in_progress"
        assert not ProgrammePage.objects.get(pk=created.pk).live

    # The moderator finds it on the dashboard and approves it: the page is published.
    moderator = new_visit()
    log_in(moderator, "moderator", DEMO_PASSWORD)
    row = moderator.page.locator("#awaiting-review-content tr").filter(has_text=CTA_TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(moderator.page.locator(".messages")).to_contain_text(
        f"‘{CTA_TITLE}’ has been approved and published."
    )
    expect(moderator.page.locator("#awaiting-review-content tr").filter(has_text=CTA_TITLE)).to_have_count(0)
    with orm():
        published = ProgrammePage.objects.get(pk=created.pk)
        assert published.live and published.current_workflow_state is None
        url = published.url

    # A visitor reads every block the editor wrote.
    visitor = new_visit(javascript=False)
    assert visitor.goto(url).status == 200
    main = visitor.page.locator("main")
    text = main.inner_text()
    for written in (
        BLOCK_HEADING,
        BLOCK_PARAGRAPH,
        BLOCK_QUOTE,
        *KEY_FACT,
        EMBED[1],
        "Work with us in parliament",
    ):
        assert written in text, written
    assert main.locator(f"img[alt='{IMAGE_ALT}']").count() == 1
    assert main.get_by_role("link", name=re.compile(re.escape(document.title))).count() == 1
    assert main.locator(f"a[href='{EMBED[0]}']").count() == 1
    assert visit.csp_violations() == [] and moderator.csp_violations() == []


WITHDRAWN_TITLE = "Regional desk in the Great Lakes"
WITHDRAWN_REASON = "The desk closed; its address puts the local team at risk."


def test_editor_requests_unpublishing_and_the_moderator_unpublishes_every_language(new_visit, orm):
    """An editor who cannot unpublish asks for it with a reason; a moderator finds the request
    on the dashboard and takes the page off the site in every language at once."""
    from playwright.sync_api import expect

    with orm():
        source = ProgrammePageFactory(
            parent=ProgrammeIndexPage.objects.get(locale__language_code="en"),
            title=WITHDRAWN_TITLE,
            slug="great-lakes-desk",
            summary=SUMMARY,
        )
        source.save_revision().publish()
        french = translate_page(
            source, "fr", title="Bureau régional des Grands Lacs", slug="bureau-grands-lacs"
        )

    editor = new_visit()
    log_in(editor, "editor", DEMO_PASSWORD)
    editor.goto(f"/admin/pages/{source.pk}/edit/")
    footer = editor.page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("link", name="Request unpublishing").click()
    editor.page.wait_for_url(re.compile(r"/admin/unpublish-requests/pages/\d+/"))
    expect(editor.page.locator("main")).to_contain_text("English, French")
    editor.page.get_by_label("Why should it come off the site?").fill(WITHDRAWN_REASON)
    editor.page.get_by_role("button", name="Send the request to the moderators").click()
    editor.page.wait_for_url(editor.url(f"/admin/pages/{source.pk}/edit/"))
    expect(editor.page.locator(".messages")).to_contain_text("has been sent to the moderators")
    with orm():
        assert Page.objects.get(pk=source.pk).live  # asking changes nothing on the site

    moderator = new_visit()
    log_in(moderator, "moderator", DEMO_PASSWORD)
    panel = moderator.page.locator("#unpublish-requests-content")
    row = panel.locator("tr").filter(has_text=WITHDRAWN_TITLE)
    expect(row).to_contain_text(WITHDRAWN_REASON)
    expect(row).to_contain_text("French")
    row.get_by_role("link", name="Unpublish").click()
    moderator.page.wait_for_url(re.compile(rf"/admin/pages/{source.pk}/unpublish/"))
    expect(moderator.page.get_by_label(re.compile("Unpublish its translations too"))).to_be_checked()
    moderator.page.get_by_role("button", name="Yes, unpublish it").click()
    moderator.page.wait_for_url(moderator.url("/admin/"))
    expect(moderator.page.locator(".messages")).to_contain_text("unpublished")
    expect(
        moderator.page.locator("#unpublish-requests-content tr").filter(has_text=WITHDRAWN_TITLE)
    ).to_have_count(0)
    with orm():
        assert not Page.objects.get(pk=source.pk).live
        assert not Page.objects.get(pk=french.pk).live
    assert editor.csp_violations() == [] and moderator.csp_violations() == []
