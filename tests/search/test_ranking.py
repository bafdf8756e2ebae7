"""The order of results: the title first, then the backend's score (search/ranking.py)."""

import datetime

import pytest

from agenda.factories import EventIndexPageFactory, EventPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from programmes.factories import ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from search.query import run_search
from search.ranking import Group, significant, title_match, word_matches

STOP = frozenset({"the", "of", "on", "for"})


def groups(*words):
    return [Group([[word]]) for word in words]


def test_a_word_matches_its_inflections_but_a_short_word_only_itself():
    assert word_matches("policy", "policies")
    assert word_matches("parliaments", "parliament")
    assert word_matches("un", "un")
    assert not word_matches("un", "under")
    assert not word_matches("eu", "europe")
    assert not word_matches("53/144", "53/145")


@pytest.mark.parametrize(
    "title,tier",
    [
        ("Supporting the UN Special Rapporteur", 0),
        ("Rapporteur: a special mandate", 1),
        ("The Special Envoy", 2),
        ("Focus report 2017", 3),
    ],
)
def test_tiers_whole_phrase_then_every_word_then_some(title, tier):
    assert title_match(groups("special", "rapporteur"), significant(title, STOP))[0] == tier


def test_a_synonym_of_several_words_matches_as_a_phrase():
    eu = Group([["eu"], ["european", "union"]])
    guidelines = Group([["guidelines"]])
    title = significant("Ensuring protection – European Union Guidelines", STOP)
    assert title_match([eu, guidelines], title)[0] == 0


@pytest.fixture
def library(site_tree):
    return ResourceIndexPageFactory(parent=site_tree["en"]["home"])


def titles(query, language="en"):
    return [hit.title for hit in run_search({"q": query}, language, record=False).hits]


@pytest.mark.django_db
def test_the_page_named_after_the_query_beats_passing_mentions(site_tree, library):
    for number in range(3):
        ResourcePageFactory(
            parent=library,
            title=f"Annual report {number}",
            summary="The special rapporteur, the special rapporteur and again the special rapporteur.",
        )
    ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        title="Supporting the UN Special Rapporteur",
        summary="A mandate since 2000.",
    )
    assert titles("special rapporteur")[0] == "Supporting the UN Special Rapporteur"


@pytest.mark.django_db
def test_recency_breaks_ties_between_publications_only(site_tree, library):
    older = ResourcePageFactory(
        parent=library, title="Focus Report 2014", publication_date=datetime.date(2014, 1, 1)
    )
    newer = ResourcePageFactory(
        parent=library, title="Focus Report 2017", publication_date=datetime.date(2017, 10, 10)
    )
    found = titles("focus report")
    assert found.index(newer.title) < found.index(older.title)


@pytest.mark.django_db
def test_a_programme_named_after_the_query_comes_before_a_publication_named_alike(site_tree, library):
    ResourcePageFactory(
        parent=library, title="Public policies for defenders", publication_date=datetime.date(2024, 1, 1)
    )
    ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="National legislation and public policies", summary="."
    )
    assert titles("public policies")[0] == "National legislation and public policies"


def test_a_long_query_is_ranked_on_a_bounded_number_of_groups():
    from search.ranking import MAX_GROUPS, query_groups

    units = [([f"word{number}x"], None) for number in range(24)] + [(["repeat"], None)] * 5
    assert len(query_groups(units, "en")) == MAX_GROUPS
    assert len(query_groups([(["report"], None)] * 20, "en")) == 1


@pytest.mark.django_db
def test_news_and_events_come_after_the_lasting_pages_even_when_their_title_names_the_query(
    site_tree, library
):
    ResourcePageFactory(
        parent=library,
        title="Resolution on the protection of defenders in Africa",
        summary="ACHPR/Res.69(XXXV)04, adopted in Banjul by the African Commission.",
    )
    news_index = NewsIndexPageFactory(parent=site_tree["en"]["home"])
    NewsPageFactory(
        parent=news_index, title="African Commission renews its rapporteur", summary="The African Commission."
    )
    events = EventIndexPageFactory(parent=site_tree["en"]["home"])
    EventPageFactory(parent=events, title="Side event at the African Commission", summary="In Banjul.")
    found = titles("african commission")
    assert found[0] == "Resolution on the protection of defenders in Africa"
    assert set(found[1:]) == {
        "African Commission renews its rapporteur",
        "Side event at the African Commission",
    }
