"""Every content language has a complete profile, and what a profile says reaches the site."""

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from search.inflection import RULES, normalise_inclusive
from search.text_search_configs import create_text_search_configs, word_dictionaries
from website import language_profiles
from website.language_profiles import (
    DIRECTIONS,
    PROFILES,
    bidi_languages,
    content_language_name,
    missing_fields,
    profile,
)
from website.publishing import PLACEHOLDER, placeholder_pattern

CONTENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# language_TERRITORY, as Open Graph writes it: "fr_FR", "pt_BR".
OPEN_GRAPH_LOCALE = re.compile(r"^(?P<language>[a-z]{2,3})_[A-Z]{2}$")

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text search configurations exist on PostgreSQL only"
)


def word_mapping(config):
    """The dictionaries a text search configuration hands words to, in order; [] if there is none."""
    with connection.cursor() as cursor:
        try:
            return word_dictionaries(cursor, config)
        except LookupError:
            return []


@pytest.mark.parametrize("code", CONTENT_LANGUAGES)
def test_every_content_language_has_a_complete_profile(code):
    language = profile(code)
    assert missing_fields(language) == [], f"{code}'s profile leaves fields empty"
    assert language.direction in DIRECTIONS
    locale = OPEN_GRAPH_LOCALE.match(language.open_graph_locale)
    assert locale and locale["language"] == code, f"{language.open_graph_locale!r} is not {code}_TERRITORY"
    assert language.inflection in {"", *RULES}, f"search/inflection.py has no {language.inflection!r} rules"
    if code != settings.LANGUAGE_CODE:  # the source language is the catalogues' msgids
        catalogue = settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.po"
        assert catalogue.is_file(), f"{code} has no catalogue at {catalogue}"


def test_an_empty_field_makes_a_profile_incomplete():
    incomplete = dataclasses.replace(PROFILES["fr"], open_graph_locale="", stop_words=frozenset())
    assert missing_fields(incomplete) == ["open_graph_locale", "stop_words"]
    # "No inflection rules" and "names in capitals" are answers, not gaps.
    assert missing_fields(PROFILES["en"]) == []


def test_a_content_language_without_a_profile_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="'xx' has no profile"):
        bidi_languages(["en", "xx"], ["he", "ar"])


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize("code", CONTENT_LANGUAGES)
def test_each_language_searches_with_its_unaccented_configuration(code):
    language = profile(code)
    base_dictionaries = word_mapping(language.postgres_base_config)
    assert base_dictionaries, f"PostgreSQL has no {language.postgres_base_config!r} configuration"
    assert word_mapping(language.postgres_config) == ["unaccent", *base_dictionaries]


@postgres_only
@pytest.mark.django_db
def test_migrate_creates_the_configuration_of_a_language_added_later(monkeypatch, settings):
    """An already-migrated database that gains a language gets its configuration from `migrate`."""
    portuguese = dataclasses.replace(
        PROFILES["es"],
        open_graph_locale="pt_BR",
        postgres_base_config="portuguese",
        postgres_config="pi_test_portuguese",
        elasticsearch_analyzer="portuguese",
    )
    monkeypatch.setitem(language_profiles.PROFILES, "pt", portuguese)
    settings.LANGUAGES = [*settings.LANGUAGES, ("pt", "Portuguese")]
    assert word_mapping("pi_test_portuguese") == []

    call_command("migrate", verbosity=0)

    assert word_mapping("pi_test_portuguese") == ["unaccent", "portuguese_stem"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('pi_test_portuguese', 'Defensoras jurídicas')::text")
        assert cursor.fetchone()[0] == "'defensor':1 'jurid':2"
    create_text_search_configs()  # a second run finds it there and leaves it


@postgres_only
@pytest.mark.django_db
def test_a_configuration_without_stemmer_is_copied_with_its_own_dictionary(monkeypatch, settings):
    monkeypatch.setitem(
        language_profiles.PROFILES,
        "xx",
        dataclasses.replace(PROFILES["en"], postgres_base_config="simple", postgres_config="pi_test_simple"),
    )
    settings.LANGUAGES = [("xx", "Test")]
    create_text_search_configs()
    assert word_mapping("pi_test_simple") == ["unaccent", "simple"]


def test_the_pages_direction_follows_the_profiles(monkeypatch):
    monkeypatch.setitem(
        language_profiles.PROFILES, "ar", dataclasses.replace(PROFILES["en"], direction="rtl")
    )
    monkeypatch.setitem(
        language_profiles.PROFILES, "ug", dataclasses.replace(PROFILES["en"], direction="ltr")
    )
    bidi = bidi_languages(["en", "ar", "ug"], ["he", "ug", "fa"])
    # The profiles decide for content languages; Django's defaults stay for the admin's others.
    assert bidi == ["ar", "fa", "he"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", CONTENT_LANGUAGES)
def test_each_language_pages_carry_its_lang_and_dir(client, code):
    html = BeautifulSoup(client.get(f"/{code}/this-page-does-not-exist/").content, "html.parser").html
    assert (html["lang"], html["dir"]) == (code, profile(code).direction)


def accents_removed(word):
    return word.translate(str.maketrans("àáâãçéêíóôõúüñ", "aaaaceeiooouun"))


@pytest.mark.parametrize(
    "code,word", [(code, word) for code in PROFILES for word in PROFILES[code].placeholder_words]
)
def test_each_profile_placeholder_word_is_refused_with_or_without_accents(code, word):
    assert PLACEHOLDER.search(f"Text [{word} la photo] more")
    assert PLACEHOLDER.search(f"Text [{accents_removed(word).upper()}] more")


def test_placeholder_words_are_whole_words():
    pattern = placeholder_pattern(["a completar"])
    assert pattern.search("[A completar: cifra]")
    assert pattern.search("[à completar]") is None
    assert pattern.search("[a completarlo]") is None


def test_a_new_language_reuses_inflection_rules_by_name(monkeypatch):
    monkeypatch.setitem(language_profiles.PROFILES, "pt", dataclasses.replace(PROFILES["es"]))
    assert normalise_inclusive("defensores/as", "pt") == "defensores"


@pytest.mark.parametrize("active,name", [("en", "Portuguese"), ("fr", "portugais"), ("es", "portugués")])
def test_a_new_language_is_named_by_djangos_catalogues_as_each_language_writes_it(active, name):
    """So adding a language adds no msgid to the other languages' catalogues."""
    with translation.override(active):
        assert str(content_language_name("pt")) == name
