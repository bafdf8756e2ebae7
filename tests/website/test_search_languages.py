"""The language switcher and hreflang alternates lead to pages that exist, in each language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_search_page_alternates_keep_the_query_in_each_language(client, home):
    html = client.get("/fr/recherche/?q=d%C3%A9fenseurs&page=2").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    query = "?q=d%C3%A9fenseurs&amp;page=2"
    assert alternates["es"] == f"http://testserver/es/buscar/{query}"
    assert alternates["x-default"] == f"http://testserver/en/search/{query}"
    assert f'<a href="/en/search/{query}" hreflang="en"' in html


def test_no_link_to_a_translation_below_an_unpublished_page(client, site_tree):
    section = site_tree["fr"]["index"]
    section.unpublish()
    html = client.get(site_tree["en"]["programme"].url).content.decode()
    assert site_tree["fr"]["programme"].url not in html
    assert 'hreflang="fr" href' not in html
