"""SQL queries per request: every public page type and API endpoint, on the demo site, with the
page's fragments built afresh (issues 14, 16 and 19: at most 12 each, whatever the number of
publications, and no lookup repeated within a request).

Each request counts what an anonymous visitor costs when the fragment cache holds nothing for
the current content version (`sql_of_a_fresh_render` in conftest.py). Where a page type is still
above the budget, `CEILINGS` holds what it costs today, so that a new query anywhere fails, and
`test_within_the_budget` marks it as an expected failure until it is brought down.
"""

import collections

import pytest

from conftest import demo_site, sql_of_a_fresh_render
from resources.factories import ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage
from tests.public_pages import PAGE_KINDS as PUBLIC_PAGE_KINDS
from tests.public_pages import pages_of_kind

pytestmark = pytest.mark.django_db

BUDGET = 12

# Every public page type; a 404 is not a page to budget.
PAGE_KINDS = tuple(kind for kind in PUBLIC_PAGE_KINDS if kind != "not_found")
PAGES = [(kind, language) for kind in PAGE_KINDS for language in ("en", "fr")] + [
    ("home", "es"),
    ("programme", "es"),
]
ROUTED_KINDS = ("home", "programme_index", "programme", "library", "publication", "standard", "news", "event")
ROUTES = [(kind, language) for kind in ROUTED_KINDS for language in ("en", "fr")]
ENDPOINTS = {  # API endpoints, sitemaps and feeds
    "api-library": "/api/v3/library/",
    "api-library-fr": "/api/v3/library/?locale=fr",
    "api-search": "/api/v3/search/?q=defenders",
    "api-search-fr": "/api/v3/search/?q=d%C3%A9fenseurs&locale=fr",
    "api-pages": "/api/v3/pages/",
    "api-pages-fr": "/api/v3/pages/?locale=fr",
    "api-navigation": "/api/v3/navigation/",
    "api-navigation-es": "/api/v3/navigation/?locale=es",
    "api-site": "/api/v3/site/",
    "sitemap": "/sitemap.xml",
    "sitemap-page": "/sitemap-1.xml",
    "feed": "/en/resources/feed/",
    "feed-fr": "/fr/ressources/feed/",
}

# What the requests still above the budget cost today. The frame of every page costs 9 (site,
# locale, the pages along the path, the page itself, hidden sections, settings,
# translations, footer links, menu; one more in French and Spanish, the home page's translation);
# above it: a programme's institutions, publications (list
# with translations, files, types, collection restrictions), news and related programmes; a
# publication's facts (files, type, countries, topics, regions, identifiers, programmes, cover);
# the library's and search's options, facets and results (resources/library.py, search/).
CEILINGS = {
    "programme_index-fr": 13,
    "programme-en": 19,
    "programme-fr": 20,
    "library-en": 21,
    "library-fr": 24,
    "publication-en": 18,
    "publication-fr": 21,
    "news-en": 15,
    "news-fr": 18,
    "search-en": 27,
    "search-fr": 30,
    "programme-es": 20,
    "route-publication-en": 17,
    "route-publication-fr": 19,
    "route-news-en": 14,
    "route-news-fr": 16,
    "api-library": 16,
    "api-library-fr": 18,
    "api-search": 23,
    "api-search-fr": 25,
    "feed": 15,
    "feed-fr": 18,
}


def url_of(kind, language):
    urls, reason = pages_of_kind(kind, language)
    assert urls, reason
    return urls[0]


def route_url(kind, language):
    return f"/api/v3/route/?path={url_of(kind, language)}"


def repeated(statements):
    return [sql for sql, count in collections.Counter(statements).items() if count > 1]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_site(django_db_blocker):
        yield


def all_cases():
    cases = [pytest.param("page", kind, language, id=f"{kind}-{language}") for kind, language in PAGES]
    cases += [
        pytest.param("route", kind, language, id=f"route-{kind}-{language}") for kind, language in ROUTES
    ]
    cases += [pytest.param("endpoint", name, None, id=name) for name in ENDPOINTS]
    return cases


def case_url(surface, name, language):
    if surface == "page":
        return url_of(name, language)
    if surface == "route":
        return route_url(name, language)
    return ENDPOINTS[name]


def case_id(surface, name, language):
    return {"page": f"{name}-{language}", "route": f"route-{name}-{language}"}.get(surface, name)


@pytest.mark.parametrize(("surface", "name", "language"), all_cases())
def test_no_query_repeats_and_none_is_added(client, demo, surface, name, language):
    statements = sql_of_a_fresh_render(client, case_url(surface, name, language))
    assert repeated(statements) == []
    assert len(statements) <= CEILINGS.get(case_id(surface, name, language), BUDGET), len(statements)


@pytest.mark.parametrize(
    ("surface", "name", "language"),
    [
        pytest.param(
            *case.values,
            id=case.id,
            marks=pytest.mark.xfail(strict=True, reason=f"{CEILINGS[case.id]} queries today"),
        )
        for case in all_cases()
        if case.id in CEILINGS
    ]
    or [pytest.param("page", "home", "en", id="none-above-budget")],
)
def test_within_the_budget(client, demo, surface, name, language):
    assert len(sql_of_a_fresh_render(client, case_url(surface, name, language))) <= BUDGET


GROWING = {
    "library": lambda: url_of("library", "en"),
    "library-fr": lambda: url_of("library", "fr"),
    "library-filtered": lambda: url_of("library", "en") + "?sort=title&page=1",
    "programme": lambda: url_of("programme", "en"),
    "programme-fr": lambda: url_of("programme", "fr"),
    "publication": lambda: url_of("publication", "en"),
    "feed": lambda: ENDPOINTS["feed"],
    "sitemap": lambda: ENDPOINTS["sitemap-page"],
    "api-library": lambda: ENDPOINTS["api-library"],
    "api-pages": lambda: ENDPOINTS["api-pages"],
    "api-route-programme": lambda: route_url("programme", "en"),
}


def add_publications(count):
    """`count` more English publications in the demo library, with files, topics and a programme,
    as the programme pages and the library list them."""
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    model = ResourcePage.objects.filter(locale__language_code="en").order_by("pk").first()
    for number in range(count):
        page = ResourcePageFactory(
            parent=library, title=f"Defenders at work {number}", resource_type=model.resource_type
        )
        page.topics.set(model.topics.all())
        page.regions.set(model.regions.all())
        page.related_programmes.set(model.related_programmes.all())
        for row in model.files.all():
            page.files.create(document=row.document, language=row.language)


def test_the_same_number_of_queries_with_more_publications(client, demo):
    urls = {name: url() for name, url in GROWING.items()}
    before = {name: len(sql_of_a_fresh_render(client, url)) for name, url in urls.items()}
    add_publications(13)
    after = {name: len(sql_of_a_fresh_render(client, url)) for name, url in urls.items()}
    assert after == before
