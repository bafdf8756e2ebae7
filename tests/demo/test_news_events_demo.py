"""The demo's news, statements and events (news/demo.py, events/demo.py)."""

import datetime

import pytest
from django.utils import timezone
from wagtail_localize.models import Translation

from agenda.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo):
    pass


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_six_news_items_some_statements_and_three_events_past_and_upcoming(language):
    news = NewsPage.objects.live().filter(locale__language_code=language)
    assert news.count() == 6
    assert news.filter(kind="statement").count() >= 2
    events = EventPage.objects.live().filter(locale__language_code=language)
    assert events.count() == 3
    now = timezone.now()
    assert events.filter(ends_at__lt=now).count() == 1
    assert events.filter(starts_at__gt=now).count() == 2
    assert (
        NewsIndexPage.objects.live().filter(locale__language_code=language, show_in_menus=True).count() == 1
    )
    assert (
        EventIndexPage.objects.live().filter(locale__language_code=language, show_in_menus=True).count() == 1
    )


def test_news_translations_come_from_wagtail_localize_with_the_table_and_faq_translated(client):
    english = NewsPage.objects.get(locale__language_code="en", slug="national-protection-policies-2022")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale=french.locale
    ).exists()
    html = client.get(french.url).content.decode()
    assert "<caption>Les premiers mécanismes nationaux de protection</caption>" in html
    assert '<th scope="row">Brésil</th>' in html and "Brazil" not in html
    spanish = NewsPage.objects.get(locale__language_code="es", slug="parlamentarios-apadrinan-defensores")
    html = client.get(spanish.url).content.decode()
    assert "<summary>¿Quién decide cómo actúa el parlamentario?</summary>" in html


def test_programme_pages_list_their_news_and_news_their_publications(client):
    programme = ProgrammePage.objects.get(locale__language_code="es", slug__startswith="parlamentos")
    html = client.get(programme.url).content.decode()
    assert "Parlamentarias y parlamentarios se asocian con personas defensoras en riesgo" in html
    item = NewsPage.objects.get(locale__language_code="es", slug="parlamentarios-apadrinan-defensores")
    html = client.get(item.url).content.decode()
    assert "Publicaciones relacionadas" in html and "Legisladores y defensores de derechos humanos" in html


def test_event_dates_count_from_the_day_of_loading():
    dates = sorted(EventPage.objects.filter(locale__language_code="en").values_list("start_date", flat=True))
    today = datetime.date.today()
    assert [(day - today).days for day in dates][1:] == [21, 45]
