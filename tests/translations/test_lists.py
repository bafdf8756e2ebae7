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
