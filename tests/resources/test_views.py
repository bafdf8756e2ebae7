"""The library's RSS feeds and the links to them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.resources.conftest import make_publication, translate_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_catalogue(library_tree):
    en, t = library_tree["en"], library_tree["taxonomy"]
    library = en["library"]
    manual = make_publication(
        library, title="Protection manual", resource_type=t["manual"], files=("en", "fr")
    )
    translate_publication(manual, "fr", "Manuel de protection", "Un manuel pour se protéger.")
    make_publication(
        library, title="Focus report", resource_type=t["report"], publication_date=datetime.date(2017, 10, 10)
    )
    draft = make_publication(library, title="Unpublished draft", resource_type=t["manual"])
    draft.unpublish()
    private = make_publication(library, title="Members-only manual", resource_type=t["manual"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return library_tree


def parse_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    items = channel.findall("item")
    for item in items:
        for required in ("title", "link", "guid", "pubDate", "description"):
            assert item.findtext(required), required
        assert item.findtext("link").startswith("http")
    return channel, items


def test_feed_lists_new_publications_in_the_library_language(client, feed_catalogue):
    channel, items = parse_feed(client.get(feed_catalogue["fr"]["library"].url + "feed/"))
    assert channel.findtext("language") == "fr"
    titles = [item.findtext("title") for item in items]
    assert sorted(titles) == ["Focus report", "Manuel de protection"]
    manual = next(item for item in items if item.findtext("title") == "Manuel de protection")
    assert manual.findtext("category") == "Manuel"
    assert "/fr/" in manual.findtext("link")


def test_filtered_feed_matches_the_filtered_library_and_is_linked_from_its_head(client, feed_catalogue):
    library = feed_catalogue["en"]["library"]
    html = client.get(library.url + "?type=manual&q=protection").content.decode()
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="New publications matching these filters · Resources" '
        f'href="{library.url}feed/?type=manual&amp;q=protection">' in html
    )
    _channel, items = parse_feed(client.get(library.url + "feed/?type=manual&q=protection"))
    assert [item.findtext("title") for item in items] == ["Protection manual"]


def test_feed_refuses_malformed_filters_with_a_message(client, feed_catalogue):
    response = client.get(feed_catalogue["en"]["library"].url + "feed/?type=nonsense&year=-1")
    assert response.status_code == 400
    assert "nonsense" in response.content.decode() and "is not a year" in response.content.decode()


def test_feed_links_and_guids_are_absolute_on_the_host_asked_and_unique(client, feed_catalogue):
    from email.utils import parsedate_to_datetime

    library = feed_catalogue["fr"]["library"]
    response = client.get(library.url + "feed/?type=manual", HTTP_HOST="127.0.0.1")
    channel, items = parse_feed(response)

    assert channel.findtext("link") == f"http://127.0.0.1{library.url}?type=manual"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == f"http://127.0.0.1{library.url}feed/?type=manual"
    assert [item.findtext("title") for item in items] == ["Manuel de protection"]  # the filter holds
    links = [item.findtext("link") for item in items]
    guids = [item.findtext("guid") for item in items]
    assert all(link.startswith("http://127.0.0.1/fr/") for link in links)
    assert guids == links and len(set(guids)) == len(guids)
    assert all(item.find("guid").get("isPermaLink", "true") == "true" for item in items)
    assert all(parsedate_to_datetime(item.findtext("pubDate")).tzinfo for item in items)


def test_an_untranslated_publication_keeps_one_guid_in_every_feed(client, feed_catalogue):
    def guids(language):
        _channel, items = parse_feed(
            client.get(feed_catalogue[language]["library"].url + "feed/?type=report")
        )
        return [item.findtext("guid") for item in items]

    # "Focus report" exists only in English: every language's feed points at that one page.
    assert guids("en") == guids("fr") == guids("es")
    assert len(guids("en")) == 1 and "/en/" in guids("en")[0]


def test_the_redirect_from_the_librarys_old_slug_keeps_the_query(
    client, library_tree, django_capture_on_commit_callbacks
):
    """Giving the French library its French slug leaves Wagtail's redirect from the old one."""
    french = library_tree["fr"]["library"]
    old_url = french.url
    french.slug = "ressources"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes the redirect on commit
        french.save_revision().publish()

    response = client.get(f"{old_url}?q=manuel&type=manual")
    plain = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == "/fr/ressources/?q=manuel&type=manual"
    assert plain["Location"] == "/fr/ressources/"


def test_a_redirect_with_a_query_of_its_own_gets_the_visitors_after_it(client, library_tree):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/fr/campagne", redirect_link="/fr/ressources/?type=manual")
    Redirect.objects.create(old_path="/fr/ancien?page=2", redirect_link="/fr/ressources/")

    forwarded = client.get("/fr/campagne/?utm_source=mail")
    exact = client.get("/fr/ancien/?page=2")

    assert forwarded["Location"] == "/fr/ressources/?type=manual&utm_source=mail"
    assert exact["Location"] == "/fr/ressources/"
