"""Every page type in every language, as an anonymous visitor fetches it: headers,
third-party requests, weight. Runs on the demo content (tests/demo/conftest.py)."""

import pytest
from bs4 import BeautifulSoup

from tests.public_pages import (
    LANGUAGES,
    PAGE_KINDS,
    PAGE_WEIGHT_BUDGET,
    filter_choices,
    page_weight,
    pages_of_kind,
    third_party_urls,
)

pytestmark = pytest.mark.django_db

STRICT_DIRECTIVES = {
    "default-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def fetch_all(client, kind, language):
    urls, reason = pages_of_kind(kind, language)
    if not urls:
        pytest.skip(reason)
    responses = [(url, client.get(url)) for url in urls]
    if kind == "library":
        params = filter_choices(responses[0][1].content.decode())
        if params:
            responses.append((urls[0], client.get(urls[0], params)))
    return responses


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = " ".join(values)
    return directives


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_is_private_light_and_strictly_confined(demo, client, kind, language):
    for url, response in fetch_all(client, kind, language):
        assert response.status_code == (404 if kind == "not_found" else 200), url
        html = response.content.decode()
        assert BeautifulSoup(html, "html.parser").html["lang"] == language, url

        csp = csp_directives(response["Content-Security-Policy"])
        for directive, value in STRICT_DIRECTIVES.items():
            assert csp[directive] == value, (url, directive, csp)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in response["Permissions-Policy"]
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url

        assert third_party_urls(html, "testserver") == [], url
        assert ' style="' not in html, f"{url}: inline styles are blocked by the CSP"
        assert page_weight(html) < PAGE_WEIGHT_BUDGET, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_are_noindex(demo, client, language):
    (url,), _reason = pages_of_kind("search", language)
    html = BeautifulSoup(client.get(url).content, "html.parser")
    robots = html.select_one('meta[name="robots"]')
    assert robots is not None and "noindex" in robots["content"]


def test_third_party_detector_sees_what_a_page_would_load():
    html = """<html><head><link rel="stylesheet" href="https://fonts.example.com/a.css">
      <link rel="alternate" hreflang="fr" href="https://elsewhere.org/fr/"></head><body>
      <img src="/media/a.webp" srcset="/media/a.webp 480w, https://cdn.example.net/b.webp 960w">
      <script src="//tracker.example/t.js"></script><iframe src="https://video.example/embed"></iframe>
      <form action="https://forms.example/post"></form><div style="background:url(https://x.example/i.png)"></div>
      <a href="https://www.ohchr.org/">a link the visitor may follow</a></body></html>"""
    assert third_party_urls(html, "testserver") == [
        "https://fonts.example.com/a.css",
        "https://cdn.example.net/b.webp",
        "//tracker.example/t.js",
        "https://video.example/embed",
        "https://forms.example/post",
        "background:url(https://x.example/i.png)",
    ]


def test_page_weight_counts_the_stylesheets_it_loads():
    html = '<html><head><link rel="stylesheet" href="/static/css/site.css"></head></html>'
    assert page_weight(html) > len(html) + 1000
