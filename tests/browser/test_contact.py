"""A visitor sends the contact form; a bot that fills the honeypot is refused without a server error."""

import pytest

from pages.models import ContactPage, ContactSubmission


@pytest.fixture
def contact_url(orm, settings):
    # The live server runs in this process: no wait of a few seconds before sending.
    settings.CONTACT_FORM_MIN_SECONDS = 0
    with orm():
        page = ContactPage.objects.live().get(locale__language_code="fr")
        return page.url


def fill(page):
    page.get_by_label("Votre nom").fill("Ana")
    page.get_by_label("Votre adresse e-mail").fill("ana@example.org")
    page.get_by_label("Votre message").fill("Bonjour depuis le navigateur.")


def test_a_visitor_without_javascript_sends_the_contact_form(new_visit, orm, contact_url):
    visit = new_visit(locale="fr-FR", javascript=False)
    response = visit.goto(contact_url)
    assert response.status == 200
    assert visit.page.context.cookies() == []
    fill(visit.page)
    with visit.page.expect_navigation() as sent:
        visit.page.get_by_role("button", name="Envoyer le message").click()
    assert sent.value.status == 200
    assert "Merci : votre message a bien été envoyé." in visit.page.locator("main").inner_text()
    assert visit.page.context.cookies() == []
    with orm():
        assert ContactSubmission.objects.filter(
            form_data__your_message="Bonjour depuis le navigateur."
        ).exists()
    assert visit.foreign_requests() == [] and visit.csp_violations() == []


def test_a_bot_filling_the_honeypot_is_refused(new_visit, orm, contact_url):
    with orm():
        before = ContactSubmission.objects.count()
    visit = new_visit(locale="fr-FR")
    visit.goto(contact_url)
    assert not visit.page.locator("[name=hp_website]").is_visible()
    fill(visit.page)
    visit.page.evaluate("document.querySelector('[name=hp_website]').value = 'https://spam.example/'")
    with visit.page.expect_navigation() as sent:
        visit.page.get_by_role("button", name="Envoyer le message").click()
    assert sent.value.status == 400
    assert visit.page.locator("h1").inner_text() == "Votre message n’a pas pu être envoyé"
    with orm():
        assert ContactSubmission.objects.count() == before
