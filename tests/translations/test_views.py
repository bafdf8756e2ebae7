import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator

from programmes.factories import ProgrammePageFactory
from website.settings.base import machine_translator

from .conftest import login

pytestmark = pytest.mark.django_db


def test_report_filters_by_language_and_status(client, users, roles):
    ProgrammePageFactory(parent=roles["en"]["index"], title="Only in English")
    login(client, users["moderator"])
    html = client.get(reverse("translation_status"), {"language": "es", "status": "missing"}).content.decode()
    assert 'data-status="missing" data-language="es"' in html
    assert 'data-language="fr" data-source-id' not in html
    assert 'data-status="up_to_date" data-language="es" data-source-id' not in html
    assert "Only in English" in html


def test_report_starts_with_the_translators_language_and_rejects_bad_filters(client, users, roles):
    login(client, users["translator-fr"])
    html = client.get(reverse("translation_status")).content.decode()
    assert 'data-language="fr" data-source-id' in html
    assert 'data-language="es" data-source-id' not in html
    response = client.get(reverse("translation_status"), {"language": "xx", "status": "nonsense", "p": "zz"})
    assert response.status_code == 200
    assert "error" in response.content.decode().lower()


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_report_and_dashboard_queries_do_not_grow_with_the_site(client, users, roles):
    login(client, users["moderator"])
    urls = [reverse("translation_status"), reverse("wagtailadmin_home")]
    [count(client, url) for url in urls]
    before = [count(client, url) for url in urls]
    for _ in range(10):
        ProgrammePageFactory(parent=roles["en"]["index"])
    after = [count(client, url) for url in urls]
    assert after == before


def test_dashboard_shows_counts_per_language(client, users, roles):
    ProgrammePageFactory(parent=roles["en"]["index"], title="Only in English")
    html = login(client, users["translator-es"]).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-status' in html or "translation-status" in html
    assert 'data-status="missing" data-language="es">1<' in html


def test_machine_translation_is_off_by_default_and_configured_by_environment():
    assert machine_translator() is None
    assert machine_translator(deepl_api_key="k:fx")["CLASS"].endswith("DeepLTranslator")
    libre = machine_translator(libretranslate_url="https://lt.example.org", libretranslate_api_key="s")
    assert libre["CLASS"].endswith("LibreTranslator")
    assert libre["OPTIONS"] == {"LIBRETRANSLATE_URL": "https://lt.example.org", "API_KEY": "s"}


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
)
def test_translators_can_machine_translate_their_language_only(client, users, roles):
    from wagtail_localize.models import StringTranslation, Translation

    from tests.translations.test_workflow import submit_for_translation

    assert get_machine_translator() is not None
    page = ProgrammePageFactory(parent=roles["en"]["index"], title="Machine me", slug="machine-me")
    french = submit_for_translation(client, users["editor"], page, "fr")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=french.locale)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    login(client, users["translator-es"]).post(url)
    assert not StringTranslation.objects.filter(locale=french.locale).exists()
    login(client, users["translator-fr"]).post(url)
    assert StringTranslation.objects.filter(locale=french.locale, translation_type="machine").exists()
