import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from programmes.factories import ProgrammePageFactory
from tests.website.sitemaps import read_sitemap, sitemap_documents, sitemap_paths
from website import sitemap as sitemap_module

pytestmark = pytest.mark.django_db


def absolute(page):
    return f"http://testserver{page.url}"


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, site_tree):
    sitemap = read_sitemap(client)
    expected = {absolute(site_tree[lang][kind]) for lang in site_tree for kind in site_tree[lang]}
    assert set(sitemap) == expected
    for kind in ("home", "index", "programme"):
        versions = {lang: absolute(site_tree[lang][kind]) for lang in ("en", "fr", "es")}
        for language in ("en", "fr", "es"):
            assert sitemap[versions[language]] == {**versions, "x-default": versions["en"]}


def test_sitemap_leaves_out_drafts_unpublished_and_private_pages(client, site_tree):
    index = site_tree["en"]["index"]
    ProgrammePageFactory(parent=index, slug="draft-only", live=False)
    private = ProgrammePageFactory(parent=index, slug="members-only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    site_tree["es"]["programme"].unpublish()

    sitemap = read_sitemap(client)
    urls = "\n".join(sitemap)
    assert "draft-only" not in urls and "members-only" not in urls
    assert absolute(site_tree["es"]["programme"]) not in sitemap
    english = sitemap[absolute(site_tree["en"]["programme"])]
    assert set(english) == {"en", "fr", "x-default"}  # no alternate leads to the unpublished page


def test_page_without_translations_has_no_alternates(client, site_tree):
    lonely = ProgrammePageFactory(parent=site_tree["en"]["index"], slug="english-only")
    assert read_sitemap(client)[absolute(lonely)] == {}


def test_sitemap_uses_site_base_url_when_set(client, site_tree, settings):
    settings.CANONICAL_BASE_URL = "https://www.example.org/"
    assert "https://www.example.org/fr/" in read_sitemap(client)


def test_sitemap_query_count_does_not_grow_with_the_number_of_pages(client, site_tree):
    def count():
        sitemap_module.refresh()  # built afresh, not read from the cache
        with CaptureQueriesContext(connection) as queries:
            read_sitemap(client)
        return len(queries)

    count()  # warm per-process caches
    few = count()
    for _ in range(30):
        ProgrammePageFactory(parent=site_tree["en"]["index"])
    many = count()
    assert many == few
    assert many <= 8, many


def test_the_index_and_its_sitemaps_come_from_the_cache_until_a_page_is_published(client, site_tree):
    read_sitemap(client)
    with CaptureQueriesContext(connection) as queries:
        read_sitemap(client)
    # The index and one sitemap: the request's site for each, nothing else.
    assert len(queries) <= 2, [query["sql"] for query in queries.captured_queries]

    programme = site_tree["en"]["programme"]
    programme.title = "Renamed programme"
    programme.slug = "renamed-programme"
    programme.save_revision().publish()
    programme.refresh_from_db()
    assert absolute(programme).endswith("/renamed-programme/")
    assert absolute(programme) in read_sitemap(client)

    programme.unpublish()
    assert not any("renamed-programme" in url for url in read_sitemap(client))


def test_a_draft_save_keeps_the_cached_sitemap(client, site_tree):
    read_sitemap(client)
    programme = site_tree["en"]["programme"]
    programme.title = "Draft title"
    programme.save_revision()
    with CaptureQueriesContext(connection) as queries:
        read_sitemap(client)
    assert len(queries) <= 2


def test_a_new_view_restriction_drops_the_page_at_once(client, site_tree):
    programme = site_tree["en"]["programme"]
    assert absolute(programme) in read_sitemap(client)
    PageViewRestriction.objects.create(page=programme, restriction_type="password", password="x")
    assert absolute(programme) not in read_sitemap(client)


def test_pages_are_split_into_sitemaps_of_at_most_max_urls(client, site_tree, monkeypatch):
    index = site_tree["en"]["index"]
    for number in range(5):
        ProgrammePageFactory(parent=index, slug=f"extra-{number}")
    monkeypatch.setattr(sitemap_module, "MAX_URLS", 4)
    sitemap_module.refresh()

    documents = sitemap_documents(client)
    counts = [response.content.decode().count("<url>") for response in documents.values()]
    assert list(documents) == [f"/sitemap-{number}.xml" for number in range(1, len(counts) + 1)]
    assert max(counts) == 4 and len(counts) == 4  # 14 pages: 4 + 4 + 4 + 2
    assert sum(counts) == len(read_sitemap(client)) == 14


def test_pages_are_split_by_size_too(client, site_tree, monkeypatch):
    monkeypatch.setattr(sitemap_module, "MAX_BYTES", 2_000)
    sitemap_module.refresh()
    documents = sitemap_documents(client)
    assert len(documents) > 1
    assert all(len(response.content) <= 2_000 for response in documents.values())
    assert len(read_sitemap(client)) == 9


def test_a_sitemap_past_the_last_one_is_not_found(client, site_tree):
    assert sitemap_paths(client) == ["/sitemap-1.xml"]
    assert client.get("/sitemap-2.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404
    assert client.get("/sitemap-x.xml").status_code == 404


def test_urls_are_those_wagtail_gives_even_with_non_ascii_slugs(client, site_tree):
    page = ProgrammePageFactory(parent=site_tree["fr"]["index"], slug="défense-collective")
    sitemap = read_sitemap(client)
    assert absolute(page) == "http://testserver/fr/index-fr/d%C3%A9fense-collective/"
    assert absolute(page) in sitemap
    for language in site_tree:
        for kind, tree_page in site_tree[language].items():
            assert absolute(tree_page) in sitemap, (language, kind)


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert not response.cookies
