import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agenda.factories import EventIndexPageFactory, EventPageFactory
from conftest import queries_of_a_fresh_render, reloaded, translate_page
from tests.website.sitemaps import read_sitemap

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def parse_calendar(body):
    """{property name: (parameters, unescaped value)} of an .ics file's VEVENT, as a calendar reads it:
    checking CRLF line ends and 75-octet folding, then unfolding."""
    assert body.endswith(b"\r\n")
    physical = body.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical), "a line is longer than 75 octets"
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    unfolded = re.sub(r"\r\n[ \t]", "", body.decode()).split("\r\n")[:-1]
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    event = {}
    for line in unfolded[unfolded.index("BEGIN:VEVENT") + 1 : unfolded.index("END:VEVENT")]:
        name_and_parameters, value = re.match(r"((?:[^:\"]|\"[^\"]*\")*):(.*)", line).groups()
        name, *parameters = name_and_parameters.split(";")
        value = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
        event[name] = (parameters, value)
    return event


@pytest.fixture
def events(site_tree):
    index = EventIndexPageFactory(parent=site_tree["en"]["home"])
    indexes = {"en": index}
    for language in ("fr", "es"):
        indexes[language] = translate_page(
            index, language, title=f"Events {language}", slug=f"events-{language}"
        )
    upcoming = EventPageFactory(
        parent=index,
        title="Hearing; parliaments, defenders",
        slug="hearing",
        start_date=TODAY + datetime.timedelta(days=20),
        start_time=datetime.time(14, 30),
        end_date=TODAY + datetime.timedelta(days=20),
        end_time=datetime.time(16, 0),
        time_zone="America/Bogota",
        venue="Congreso de la República\nBogotá",
        summary="A hearing with MPs about the protection law, open to the public, with interpretation into English.",
    )
    past = EventPageFactory(
        parent=index,
        title="Webinar on the EU Guidelines",
        slug="webinar",
        start_date=TODAY - datetime.timedelta(days=40),
        end_date=TODAY - datetime.timedelta(days=40),
        venue="",
        online_url="https://video.example.org/room",
    )
    french = translate_page(upcoming, "fr", title="Audition ; parlements, défenseurs", slug="audition")
    return {"indexes": indexes, "upcoming": upcoming, "past": past, "french": french}


def test_times_are_stored_in_utc_from_the_local_clock_and_zone(events):
    upcoming = events["upcoming"]
    # 14:30 in Bogotá (UTC-5, no summer time) is 19:30 UTC.
    assert upcoming.starts_at == datetime.datetime.combine(
        upcoming.start_date, datetime.time(19, 30), tzinfo=datetime.UTC
    )
    assert events["french"].starts_at == upcoming.starts_at  # synchronised to the translation


def test_an_event_ending_before_it_starts_or_nowhere_is_refused(events):
    event = events["upcoming"]
    event.end_time = datetime.time(14, 0)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_time" in error.value.message_dict
    event.end_time, event.venue, event.online_url = datetime.time(16, 0), " ", ""
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "venue" in error.value.message_dict


def test_event_page_shows_local_time_with_its_zone_and_a_calendar_link(client, events):
    html = client.get(events["upcoming"].url).content.decode()
    assert "14:30" in html and "16:00" in html
    assert "America/Bogota, UTC-0500" in html
    assert "Congreso de la República<br>Bogotá" in html
    assert f'href="{events["upcoming"].url}calendar/"' in html


def test_calendar_file_parses_with_utc_times_and_escaped_text(client, events):
    upcoming = events["upcoming"]
    response = client.get(upcoming.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hearing.ics"'
    assert not response.cookies
    event = parse_calendar(response.content)
    day = upcoming.start_date.strftime("%Y%m%d")
    assert event["DTSTART"] == ([], f"{day}T193000Z")
    assert event["DTEND"] == ([], f"{day}T210000Z")
    assert event["SUMMARY"] == (["LANGUAGE=en"], "Hearing; parliaments, defenders")
    assert event["LOCATION"][1] == "Congreso de la República Bogotá"
    assert event["DESCRIPTION"][1].startswith(
        "A hearing with MPs about the protection law, open to the public"
    )
    assert event["DESCRIPTION"][1].endswith(f"\n\nhttp://testserver{upcoming.url}")
    assert event["URL"] == ([], f"http://testserver{upcoming.url}")
    assert event["UID"][1] == f"{upcoming.translation_key}@testserver"
    french = parse_calendar(client.get(events["french"].url + "calendar/").content)
    assert french["UID"] == event["UID"]  # one event in every language
    assert french["SUMMARY"] == (["LANGUAGE=fr"], "Audition ; parlements, défenseurs")


def test_a_calendar_named_after_a_slug_with_accents_keeps_its_name(client, events):
    event = events["upcoming"]
    event.slug = "audiencia-en-bogotá"
    event.save_revision().publish()
    response = client.get(reloaded(event).url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''audiencia-en-bogot%C3%A1.ics"


def test_calendar_of_an_online_event_gives_its_link_as_the_place(client, events):
    event = parse_calendar(client.get(events["past"].url + "calendar/").content)
    assert event["LOCATION"][1] == "https://video.example.org/room"


def test_index_splits_upcoming_from_past(client, events):
    html = client.get(events["indexes"]["en"].url).content.decode()
    upcoming_at, past_at = html.index("Upcoming events"), html.index("Past events")
    assert upcoming_at < html.index("Hearing; parliaments, defenders") < past_at
    assert past_at < html.index("Webinar on the EU Guidelines")
    french = client.get(events["indexes"]["fr"].url).content.decode()
    assert "Audition ; parlements, défenseurs" in french
    assert 'lang="en">Webinar on the EU Guidelines</a>' in french  # not translated: badged
    assert client.get(events["indexes"]["en"].url, {"page": 9}).status_code == 404


def test_index_query_count_does_not_grow_with_the_events(client, events):
    url = events["indexes"]["fr"].url
    few = queries_of_a_fresh_render(client, url)
    for days in (5, 10, -5, -10):
        EventPageFactory(parent=events["indexes"]["en"], start_date=TODAY + datetime.timedelta(days=days))
    assert queries_of_a_fresh_render(client, url) == few <= 20


def test_event_in_the_api_sitemap_and_search(client, events):
    upcoming = events["upcoming"]
    data = client.get("/api/v3/route/", {"path": upcoming.url}).json()["page"]
    assert data["meta"]["type"] == "events.EventPage"
    assert data["time_zone"] == "America/Bogota"
    assert datetime.datetime.fromisoformat(data["starts_at"]) == upcoming.starts_at
    assert data["calendar_url"] == f"{upcoming.url}calendar/"
    index = client.get(f"/api/v3/pages/{events['indexes']['en'].pk}/").json()
    assert [card["title"] for card in index["upcoming_events"]] == ["Hearing; parliaments, defenders"]
    assert [card["title"] for card in index["recent_past_events"]] == ["Webinar on the EU Guidelines"]
    assert f"http://testserver{upcoming.url}" in read_sitemap(client)
    assert "Audition" in client.get("/fr/recherche/", {"q": "audition"}).content.decode()


def test_past_flag_follows_the_clock(events):
    assert events["past"].is_past and not events["upcoming"].is_past
    assert events["past"].ends_at < timezone.now()


def test_an_event_in_an_unknown_time_zone_is_refused_before_it_is_saved(events):
    # The admin offers the zones as choices; Wagtail's page save checks them for any other writer.
    with pytest.raises(ValidationError) as error:
        EventPageFactory(parent=events["indexes"]["en"], title="Zoneless", time_zone="Mars/Olympus")
    assert "time_zone" in error.value.message_dict
