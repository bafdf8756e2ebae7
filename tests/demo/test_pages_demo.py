"""The demo's About, Privacy and Contact pages (pages/demo.py)."""

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail_localize.models import Translation

from pages.models import ContactFormField, ContactPage, StandardPage
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo):
    pass


def test_about_privacy_and_contact_exist_in_three_languages_through_wagtail_localize(client):
    for language in ("en", "fr", "es"):
        assert StandardPage.objects.live().filter(locale__language_code=language).count() == 2
        assert ContactPage.objects.live().filter(locale__language_code=language).count() == 1
    english = StandardPage.objects.get(locale__language_code="en", slug="privacy")
    spanish = StandardPage.objects.get(locale__language_code="es", slug="privacidad")
    assert spanish.translation_key == english.translation_key
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale=spanish.locale
    ).exists()
    html = client.get(spanish.url).content.decode()
    assert "<h1>Privacidad</h1>" in html and "What we do not keep" not in html


def test_contact_form_fields_are_translated_with_one_set_of_names(client):
    labels = {
        language: list(
            ContactFormField.objects.filter(locale__language_code=language).values_list("clean_name", "label")
        )
        for language in ("en", "fr", "es")
    }
    names = [name for name, _label in labels["en"]]
    assert names == ["your_name", "your_email_address", "your_message"]
    assert [name for name, _label in labels["fr"]] == names
    assert [label for _name, label in labels["fr"]] == ["Votre nom", "Votre adresse e-mail", "Votre message"]
    html = client.get(ContactPage.objects.get(locale__language_code="es").url).content.decode()
    assert "Su correo electrónico" in html


def test_the_privacy_page_states_what_the_settings_do(client):
    html = client.get(
        StandardPage.objects.get(locale__language_code="en", slug="privacy").url
    ).content.decode()
    # Six months, as prune_contact_submissions keeps them; a year of audit trail.
    assert 180 <= settings.CONTACT_SUBMISSION_RETENTION_DAYS <= 186 and "six months" in html
    assert settings.AUDIT_RETENTION_DAYS == 365 and "one year" in html
    assert settings.LOG_VISITOR_IP is False and "do not record your IP address" in html


def test_loading_again_adds_no_page():
    before = StandardPage.objects.count() + ContactPage.objects.count() + ContactFormField.objects.count()
    call_command("load_demo", verbosity=0)
    assert (
        StandardPage.objects.count() + ContactPage.objects.count() + ContactFormField.objects.count()
        == before
    )


def test_every_page_links_to_the_privacy_notice_and_contact_page_in_its_language(client):
    privacy = StandardPage.objects.get(locale__language_code="fr", slug="confidentialite")
    contact = ContactPage.objects.get(locale__language_code="fr")
    programme = ProgrammePage.objects.live().filter(locale__language_code="fr").first()
    html = client.get(programme.url).content.decode()
    assert f'href="{privacy.url}"' in html
    assert html.count(f'href="{contact.url}"') >= 2  # the footer and the programme's contact button
