"""What publishing purges from the HTTP cache and CDNs (website/frontend_cache.py), offline.

The real Varnish is tested in tests/deploy/test_varnish.py; Cloudflare's API and
CloudFront's client are replaced here by recorders.
"""

import sys
import types

import pytest
from wagtail.models import Site

from conftest import translate_page
from news.factories import NewsIndexPageFactory, NewsPageFactory
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory
from website import frontend_cache
from website.settings.base import frontend_cache_settings

ROOT = "https://www.example.org"
pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    Site.objects.update(hostname="www.example.org", port=443)
    index = ProgrammeIndexPageFactory(parent=home, title="Programmes", slug="programmes")
    programme = ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    library = ResourceIndexPageFactory(parent=home)
    translate_page(home, "fr", slug="home-fr")
    translate_page(index, "fr", slug="programmes-fr")
    french = translate_page(programme, "fr", title="Plaidoyer juridique", slug="plaidoyer")
    translate_page(library, "fr", slug="bibliotheque")
    return {"programme": programme, "french": french}


def test_a_page_purges_every_url_that_shows_it_in_every_language(tree):
    urls = frontend_cache.urls_showing(tree["programme"])
    assert {
        f"{ROOT}/en/programmes/legal-advocacy/",
        f"{ROOT}/fr/programmes-fr/plaidoyer/",
        f"{ROOT}/en/programmes/",
        f"{ROOT}/fr/programmes-fr/",
        f"{ROOT}/en/",
        f"{ROOT}/fr/",
        f"{ROOT}/en/resources/",
        f"{ROOT}/en/resources/feed/",
        f"{ROOT}/fr/bibliotheque/",
        f"{ROOT}/sitemap.xml",
        f"{ROOT}/sitemap-*",
        f"{ROOT}/api/v3/*",
        f"{ROOT}/en/search/*",
        f"{ROOT}/fr/search/*",
        f"{ROOT}/es/search/*",
    } <= set(urls)
    assert f"{ROOT}/*" not in urls
    # Its translation purges the same URLs.
    assert set(frontend_cache.urls_showing(tree["french"])) == set(urls)


def test_a_news_item_purges_its_index_feed_and_the_programme_pages_that_list_it(tree, home):
    index = NewsIndexPageFactory(parent=home)
    item = NewsPageFactory(parent=index, slug="twinning", related_programmes=[tree["programme"]])
    urls = set(frontend_cache.urls_showing(item))
    assert {
        f"{ROOT}/en/news/twinning/",
        f"{ROOT}/en/news/",
        f"{ROOT}/en/news/feed/",
        f"{ROOT}/en/programmes/legal-advocacy/",
        f"{ROOT}/fr/programmes-fr/plaidoyer/",
    } <= urls


def test_a_menu_page_or_a_move_purges_everything(tree):
    programme = tree["programme"]
    assert frontend_cache.urls_showing(programme, everything=True) == [f"{ROOT}/*"]
    programme.show_in_menus = True
    assert frontend_cache.urls_showing(programme) == [f"{ROOT}/*"]


@pytest.fixture
def purged(monkeypatch):
    """The URLs each configured backend was asked to purge."""
    calls = []
    monkeypatch.setattr(frontend_cache, "purge", calls.append)
    return calls


def test_publishing_purges_once_the_change_is_committed(
    tree, settings, purged, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = frontend_cache_settings(varnish_url="http://127.0.0.1:6081")
    programme = tree["programme"]
    programme.title = "Legal protection"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        programme.save_revision().publish()
    assert purged == []  # before the commit, a visitor's request could cache the old version again
    for callback in callbacks:
        callback()
    assert len(purged) == 1
    assert f"{ROOT}/en/programmes/legal-advocacy/" in purged[0]


def test_nothing_is_purged_without_a_cache(tree, settings, purged, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        tree["programme"].save_revision().publish()
    assert purged == []


class Recorded:
    def __init__(self, payload=None):
        self.payload = payload or {"success": True, "errors": []}
        self.status_code = 200
        self.ok = True

    def json(self):
        return self.payload


def test_cloudflare_purges_the_zone_when_a_prefix_must_go(monkeypatch):
    posts = []

    def post(url, json, headers, timeout):
        posts.append((url, json, headers["Authorization"]))
        return Recorded()

    monkeypatch.setattr("requests.post", post)
    settings = frontend_cache_settings(cloudflare_token="cf-token", cloudflare_zone="zone-1")
    backend = frontend_cache.CloudflareWildcardBackend(dict(settings["cloudflare"]))
    backend.purge_batch([f"{ROOT}/en/", f"{ROOT}/api/v3/*"])
    backend.purge_batch([f"{ROOT}/en/", f"{ROOT}/fr/"])
    endpoint = "https://api.cloudflare.com/client/v4/zones/zone-1/purge_cache"
    assert posts == [
        (endpoint, {"purge_everything": True}, "Bearer cf-token"),
        (endpoint, {"files": [f"{ROOT}/en/", f"{ROOT}/fr/"]}, "Bearer cf-token"),
    ]


def test_cloudflare_needs_both_its_token_and_its_zone():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        frontend_cache_settings(cloudflare_token="cf-token")


def test_cloudfront_invalidates_the_paths_with_their_wildcards(tree, settings, monkeypatch):
    invalidations = []

    class Client:
        def create_invalidation(self, DistributionId, InvalidationBatch):  # noqa: N803 (boto3's names)
            invalidations.append((DistributionId, sorted(InvalidationBatch["Paths"]["Items"])))

    # boto3 is not a dependency (README "Deployment": install it to use CloudFront).
    monkeypatch.setitem(sys.modules, "boto3", types.SimpleNamespace(client=lambda *args, **kwargs: Client()))
    monkeypatch.setitem(sys.modules, "botocore", types.SimpleNamespace(exceptions=types.SimpleNamespace()))
    settings.WAGTAILFRONTENDCACHE = frontend_cache_settings(cloudfront_id="E2EXAMPLE")
    frontend_cache.purge(frontend_cache.urls_showing(tree["programme"]))
    [(distribution, paths)] = invalidations
    assert distribution == "E2EXAMPLE"
    assert {
        "/en/programmes/legal-advocacy/",
        "/fr/programmes-fr/plaidoyer/",
        "/api/v3/*",
        "/sitemap-*",
    } <= set(paths)
