import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert not response.cookies
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


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
        with CaptureQueriesContext(connection) as queries:
            read_sitemap(client)
        return len(queries)

    count()  # warm per-process caches
    few = count()
    for _ in range(30):
        ProgrammePageFactory(parent=site_tree["en"]["index"])
    many = count()
    assert many == few
    assert many <= 10, many


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert not response.cookies
