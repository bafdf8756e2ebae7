"""Costly parts of public pages come from the shared cache (website/fragment_cache.py): the main
navigation, programme cards and the library's facets cost fewer queries the second time, and a
publish, unpublish or move shows at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from programmes.factories import ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory
from tests.resources.conftest import build_taxonomy, make_publication
from website import content_version
from website.fragment_cache import cached
from website.models import User

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response.content.decode()


def first_and_second(client, url):
    client.get(url)  # per-process caches (site root paths, content types) warm
    content_version.changed()  # the fragments are built afresh on the next request
    first, _html = queries_of(client, url)
    second, html = queries_of(client, url)
    return first, second, html


@pytest.mark.parametrize(
    ("kind", "saved"),
    [
        ("home", 2),  # the menu's home translation and its pages (cards: none featured here)
        ("index", 2),  # the menu, and the programmes (with their translations, in one query)
        ("programme", 2),  # the menu (the related programmes: none)
    ],
)
def test_a_page_served_again_reads_its_menu_and_cards_from_the_cache(client, site_tree, kind, saved):
    first, second, html = first_and_second(client, site_tree["en"][kind].url)
    assert second <= first - saved, (first, second)
    assert "Legal advocacy" in html or kind != "index"
    assert 'aria-label="Main"' in html


def test_the_library_served_again_reads_its_facets_from_the_cache(client, library):
    manual = build_taxonomy()["manual"]
    make_publication(library, title="Protection manual", resource_type=manual, files=("en", "fr"))
    first, second, html = first_and_second(client, library.url)
    # The five option queries and the facet counts' union query.
    assert second <= first - 6, (first, second)
    assert "Protection manual" in html
    filtered = library.url + "?type=manual"
    first, second, _html = first_and_second(client, filtered)
    assert second <= first - 6, (first, second)


def test_a_published_title_shows_at_once_in_the_menu_and_the_cards(client, site_tree):
    index, programme = site_tree["en"]["index"], site_tree["en"]["programme"]
    client.get(index.url)
    client.get(index.url)  # served from the cache now

    index.title = "Where we work"
    index.save_revision().publish()
    programme.title = "Strategic litigation"
    programme.save_revision().publish()

    html = client.get(index.url).content.decode()
    assert "Where we work" in html.split('aria-label="Main"')[1].split("</nav>")[0]
    assert "Strategic litigation" in html and "Legal advocacy" not in html


def test_an_unpublished_or_moved_programme_leaves_the_cards_at_once(client, site_tree):
    index, programme = site_tree["en"]["index"], site_tree["en"]["programme"]
    other = ProgrammePageFactory(parent=index, title="Protection desks")
    other.save_revision().publish()
    assert "Protection desks" in client.get(index.url).content.decode()

    other.unpublish()
    assert "Protection desks" not in client.get(index.url).content.decode()

    programme.move(site_tree["en"]["home"], pos="last-child")
    assert "Legal advocacy" not in client.get(index.url).content.decode()


def test_the_cards_are_kept_per_language(client, site_tree):
    english = client.get(site_tree["en"]["index"].url).content.decode()
    french = client.get(site_tree["fr"]["index"].url).content.decode()
    assert "Legal advocacy" in english and "Plaidoyer juridique" in french
    assert "Plaidoyer juridique" not in english and "Legal advocacy" not in french


def test_a_signed_in_member_never_fills_the_cache_with_a_restricted_page(client, site_tree):
    index = site_tree["en"]["index"]
    private = ProgrammePageFactory(parent=index, title="Safe house network")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    member = User.objects.create_user("member", password="unused-password")

    client.force_login(member)
    assert "Safe house network" not in client.get(index.url).content.decode()
    client.logout()
    assert "Safe house network" not in client.get(index.url).content.decode()


def test_a_preview_is_built_afresh_and_never_kept():
    built = []

    def build():
        built.append(1)
        return f"draft {len(built)}"

    preview = RequestFactory().get("/")
    preview.is_preview = True
    assert cached("cards", [1], build, request=preview) == "draft 1"
    assert cached("cards", [1], build, request=preview) == "draft 2"
    visitor = RequestFactory().get("/")
    assert cached("cards", [1], build, request=visitor) == "draft 3"
    assert cached("cards", [1], build, request=visitor) == "draft 3"  # kept for visitors


@pytest.fixture
def library(home):
    library = ResourceIndexPageFactory(parent=home)
    library.save_revision().publish()
    return library


def test_without_a_shared_cache_nothing_is_kept(settings):
    """Per-process memory (no CACHE_URL): another gunicorn worker's publish would not reach it."""
    settings.FRAGMENT_CACHE = False
    built = []
    visitor = RequestFactory().get("/")
    for _ in range(2):
        cached("cards", [1], lambda: built.append(1) or len(built), request=visitor)
    assert len(built) == 2
