import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from programmes.factories import InstitutionFactory, ProgrammePageFactory
from programmes.models import ProgrammeIndexPage, ProgrammePage
from website import content_version

pytestmark = pytest.mark.django_db


def test_parent_child_rules_keep_the_tree_sane(site_tree):
    home, index, programme = (site_tree["en"][kind] for kind in ("home", "index", "programme"))
    assert ProgrammePage.can_create_at(index)
    assert not ProgrammePage.can_create_at(home)
    assert not ProgrammePage.can_create_at(programme)
    assert not ProgrammeIndexPage.can_create_at(index)
    assert not ProgrammeIndexPage.can_create_at(home)  # one index per home
    assert not HomePage.can_create_at(home)
    assert ProgrammePage.allowed_subpage_models() == []


def test_programme_page_shows_institutions_in_the_page_language(client, site_tree):
    from website.demo import translate

    parliaments = InstitutionFactory(name="Parliaments")
    translate(parliaments, {"name": {"en": "Parliaments", "fr": "Parlements", "es": "Parlamentos"}}, "fr")
    programme = site_tree["en"]["programme"]
    programme.institutions.set([parliaments])
    programme.save_revision().publish()
    french = site_tree["fr"]["programme"]
    french.institutions.set([parliaments])  # as wagtail-localize copies it: the English snippet
    french.save_revision().publish()

    assert "Parlements" in client.get(french.url).content.decode()
    assert "Parliaments" in client.get(programme.url).content.decode()


def test_related_programme_in_another_language_carries_its_badge(client, site_tree):
    index = site_tree["en"]["index"]
    english_only = ProgrammePageFactory(parent=index, title="Only in English", slug="only-english")
    french = site_tree["fr"]["programme"]
    french.related_programmes.set([english_only])
    french.save_revision().publish()

    html = client.get(french.url).content.decode()
    assert "Only in English" in html
    assert 'class="badge" lang="en"' in html


def count_queries(client, url):
    # Cards and menu built afresh (a new content version): the cost when they are not cached.
    content_version.changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_stay_bounded_whatever_the_number_of_programmes(client, site_tree):
    index = site_tree["en"]["index"]
    programme = site_tree["en"]["programme"]
    urls = [site_tree["en"]["home"].url, index.url, programme.url]

    def grow(programmes, institutions):
        related = [ProgrammePageFactory(parent=index) for _ in range(programmes)]
        programme.related_programmes.add(*related)
        programme.institutions.add(*[InstitutionFactory() for _ in range(institutions)])
        programme.save_revision().publish()

    grow(1, 1)
    [count_queries(client, url) for url in urls]  # warm the per-process caches
    before = [count_queries(client, url) for url in urls]
    grow(8, 5)
    after = [count_queries(client, url) for url in urls]
    assert after == before
    # Absolute ceilings, so an N+1 anywhere in the shared frame fails the suite.
    assert after[0] <= 14, after
    assert after[1] <= 19, after
    # +3: the publications that support the programme (resources), outside unpublished sections
    assert after[2] <= 26, after
