"""The API's programme cards list what the HTML lists, with each card's own language."""

import pytest

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_french_index_cards_list_an_english_only_programme_with_its_locale(client, site_tree):
    english_only = ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Only in English", slug="only-en"
    )
    french_index = site_tree["fr"]["index"]

    html = client.get(french_index.url).content.decode()
    cards = client.get("/api/v3/route/", {"path": french_index.url}).json()["page"]["programme_cards"]

    assert "Only in English" in html and "Plaidoyer juridique" in html
    assert [(card["id"], card["title"], card["locale"]) for card in cards] == [
        (site_tree["fr"]["programme"].pk, "Plaidoyer juridique", "fr"),
        (english_only.pk, "Only in English", "en"),
    ]
