"""Lists in one language show that language, and badge what exists only in another."""

import pytest

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_french_programme_index_lists_french_translations_and_badges_english_only_ones(client, site_tree):
    english_only = ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Only in English", slug="only-en"
    )
    html = client.get(site_tree["fr"]["index"].url).content.decode()
    assert "Plaidoyer juridique" in html  # the French translation, not "Legal advocacy"
    assert "Legal advocacy" not in html
    assert "Only in English" in html
    assert f'href="{english_only.url}" hreflang="en" lang="en"' in html
    assert 'class="badge" lang="en"' in html


def test_english_index_has_no_badges(client, site_tree):
    html = client.get(site_tree["en"]["index"].url).content.decode()
    assert "Legal advocacy" in html
    assert 'class="badge"' not in html


def test_drafts_never_appear_in_another_languages_list(client, site_tree):
    ProgrammePageFactory(parent=site_tree["en"]["index"], title="Secret draft", live=False)
    assert "Secret draft" not in client.get(site_tree["fr"]["index"].url).content.decode()


def test_home_featured_programmes_are_localised_with_badges(client, site_tree):
    from home.models import FeaturedProgramme

    home = site_tree["en"]["home"]
    english_only = ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Only in English", slug="only-en"
    )
    home.featured_programmes.add(FeaturedProgramme(programme=site_tree["en"]["programme"], sort_order=0))
    home.featured_programmes.add(FeaturedProgramme(programme=english_only, sort_order=1))
    home.save_revision().publish()
    french_home = site_tree["fr"]["home"]
    french_home.featured_programmes.add(
        FeaturedProgramme(programme=site_tree["en"]["programme"], sort_order=0)
    )
    french_home.featured_programmes.add(FeaturedProgramme(programme=english_only, sort_order=1))
    french_home.save_revision().publish()
    html = client.get(french_home.url).content.decode()
    assert "Plaidoyer juridique" in html
    assert "Only in English" in html and 'class="badge" lang="en"' in html


# Snippets in lists: live ones only, badged where not translated ---------------------------------


BADGE_EN = '<span class="badge" lang="en"'


@pytest.fixture
def institutions(site_tree):
    """A translated institution, an English-only one and an English draft, all targeted by the programme."""
    from programmes.factories import InstitutionFactory
    from website.demo import translate

    parliaments = InstitutionFactory(name="Parliaments", sort_order=0)
    translate(parliaments, {"name": {"en": "Parliaments", "fr": "Parlements"}}, "fr")
    english_only = InstitutionFactory(name="Regional courts", sort_order=1)
    draft = InstitutionFactory(name="Secret tribunal", sort_order=2, live=False)
    for language in ("en", "fr"):
        programme = site_tree[language]["programme"]
        programme.institutions.set([parliaments, english_only, draft])
        programme.save_revision().publish()
    return {"translated": parliaments, "english_only": english_only, "draft": draft}


def test_french_programme_page_badges_the_institutions_not_translated_yet(client, site_tree, institutions):
    html = client.get(site_tree["fr"]["programme"].url).content.decode()
    assert "<li>Parlements</li>" in html
    assert f'<li><span lang="en">Regional courts</span> {BADGE_EN}' in html
    assert "Secret tribunal" not in html
    english = client.get(site_tree["en"]["programme"].url).content.decode()
    assert "<li>Regional courts</li>" in english
    assert "Secret tribunal" not in english and 'class="badge"' not in english


def test_french_programme_index_lists_every_live_institution_in_french_or_with_its_badge(
    client, site_tree, institutions
):
    html = client.get(site_tree["fr"]["index"].url).content.decode()
    assert "<li><strong>Parlements</strong></li>" in html
    assert f'<li><span lang="en"><strong>Regional courts</strong></span> {BADGE_EN}' in html
    assert html.index("Parlements") < html.index("Regional courts")
    assert "Secret tribunal" not in html
    english = client.get(site_tree["en"]["index"].url).content.decode()
    assert "<strong>Parliaments</strong>" in english and "<strong>Regional courts</strong>" in english
    assert "Secret tribunal" not in english


def test_the_api_says_which_language_each_institution_is_in(client, site_tree, institutions):
    page = client.get(f"/api/v3/pages/{site_tree['fr']['index'].pk}/").json()
    assert [(item["name"], item["locale"]) for item in page["institution_list"]] == [
        ("Parlements", "fr"),
        ("Regional courts", "en"),
    ]


def test_a_draft_snippet_translation_leaves_the_english_label_with_its_badge(client, site_tree, institutions):
    from programmes.models import Institution

    french = Institution.objects.get(
        translation_key=institutions["translated"].translation_key, locale__language_code="fr"
    )
    french.live = False  # e.g. sent for translation, not approved yet
    french.save()
    html = client.get(site_tree["fr"]["programme"].url).content.decode()
    assert "Parlements" not in html
    assert f'<span lang="en">Parliaments</span> {BADGE_EN}' in html


@pytest.fixture
def library(site_tree):
    """A library in English and French with one publication filed under three topics."""
    from resources.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
    from tests.resources.conftest import translate_page
    from website.demo import translate

    english = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    french = translate_page(english, "fr", title="Ressources", slug="ressources")
    translated = TopicFactory(name="Public policies", slug="public-policies")
    translate(translated, {"name": {"en": "Public policies", "fr": "Politiques publiques"}}, "fr")
    english_only = TopicFactory(name="Collective protection", slug="collective-protection")
    draft = TopicFactory(name="Unannounced topic", slug="unannounced", live=False)
    publication = ResourcePageFactory(parent=english, title="Protection manual", slug="protection-manual")
    publication.topics.set([translated, english_only, draft])
    publication.save_revision().publish()
    return {"en": english, "fr": french, "publication": publication}


def test_french_library_facets_badge_the_topics_not_translated_yet(client, library):
    html = client.get(library["fr"].url).content.decode()
    assert "Politiques publiques <span" in html  # translated: no badge
    assert f'<span lang="en">Collective protection</span> {BADGE_EN}' in html
    assert "Unannounced topic" not in html
    english = client.get(library["en"].url).content.decode()
    assert "Collective protection" in english and "Unannounced topic" not in english
    assert BADGE_EN not in english


def test_publication_page_badges_its_untranslated_topics(client, library):
    html = client.get(library["publication"].url).content.decode()
    assert "Unannounced topic" not in html
    assert 'lang="en">Collective protection</a>' not in html  # English page: no badge
    from resources.models import ResourcePage

    french_publication = library["publication"].copy_for_translation(library["fr"].locale, copy_parents=False)
    french_publication.title = "Manuel de protection"
    french_publication.save_revision().publish()
    french_publication = ResourcePage.objects.get(pk=french_publication.pk)
    html = client.get(french_publication.url).content.decode()
    assert ">Politiques publiques</a></li>" in html
    assert f'lang="en">Collective protection</a> {BADGE_EN}' in html
    assert "Unannounced topic" not in html


def test_search_facets_leave_out_draft_topics(client, library):
    outcome = client.get("/en/search/", {"q": "protection manual"}).context["outcome"]
    topics = {facet.name: [value.value for value in facet.options] for facet in outcome.facets}["topic"]
    assert sorted(topics) == ["collective-protection", "public-policies"]
