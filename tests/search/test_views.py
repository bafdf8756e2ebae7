import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from conftest import translate_page
from programmes.factories import ProgrammePageFactory
from resources.library import PublicationFacets
from search.query import RESOURCE_FACETS, build_facets
from website import content_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    index = site_tree["en"]["index"]
    desks = ProgrammePageFactory(
        parent=index, title="Protection desks", summary="Local protection desks for defenders at risk."
    )
    french = translate_page(
        desks,
        "fr",
        title="Bureaux de protection",
        slug="bureaux",
        summary="Des bureaux de protection locaux.",
    )
    return {"en": desks, "fr": french, "tree": site_tree}


def test_results_are_in_the_visitors_language_with_highlight_and_noindex(client, pages):
    response = client.get("/en/search/", {"q": "protection"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "Protection desks" in html
    assert "Bureaux de protection" not in html
    assert "<mark>protection</mark>" in html
    french = client.get("/fr/recherche/", {"q": "protection"}).content.decode()
    assert "Bureaux de protection" in french
    assert "Protection desks" not in french


def test_results_page_is_public_and_cookie_free(client, pages):
    response = client.get("/en/search/", {"q": "protection"})
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_facets_show_counts_and_filter(client, pages):
    response = client.get("/en/search/", {"q": "protection"})
    outcome = response.context["outcome"]
    facets = outcome.facets
    assert facets[0].name == "kind"
    assert [(v.value, v.count) for v in facets[0].options] == [("programmepage", outcome.total)]
    filtered = client.get("/en/search/", {"q": "protection", "kind": "programmepage"})
    assert filtered.context["outcome"].total == outcome.total
    other = client.get("/en/search/", {"q": "protection", "kind": "resourcepage"})
    assert other.context["outcome"].total == 0


def test_pagination(client, pages):
    index = pages["tree"]["en"]["index"]
    for number in range(25):
        ProgrammePageFactory(parent=index, title=f"Shelter {number}", slug=f"shelter-{number}")
    first = client.get("/en/search/", {"q": "shelter"}).context["outcome"]
    second = client.get("/en/search/", {"q": "shelter", "page": 2}).context["outcome"]
    assert (first.total, first.page_count, len(first.hits), len(second.hits)) == (25, 2, 20, 5)
    assert not {hit.page.pk for hit in first.hits} & {hit.page.pk for hit in second.hits}
    api = client.get("/api/v3/search/", {"q": "shelter", "locale": "en", "kind": "programmepage"}).json()
    assert api["pagination"] == {
        "count": 25,
        "page": 1,
        "page_size": 20,
        "num_pages": 2,
        "next": "http://testserver/api/v3/search/?q=shelter&locale=en&kind=programmepage&page=2",
        "previous": None,
    }
    following = client.get(api["pagination"]["next"]).json()["pagination"]
    assert (following["page"], following["next"]) == (2, None)
    assert following["previous"] == "http://testserver/api/v3/search/?q=shelter&locale=en&kind=programmepage"


def make_publications(library, count, start=0):
    """Publications that match "shelter" only through their facts: a topic label, an identifier
    and PDF text, so a page of results reads them all (the costly path)."""
    from resources.factories import DocumentFactory, ResourceFileFactory, ResourcePageFactory, TopicFactory
    from resources.models import ResourceIdentifier
    from website.models import CustomDocument

    topic = TopicFactory(name="Shelter and relocation", slug=f"shelter-{start}")
    for number in range(start, start + count):
        page = ResourcePageFactory(
            parent=library, title=f"Publication {number}", slug=f"publication-{number}"
        )
        page.topics.set([topic])
        ResourceIdentifier.objects.create(page=page, scheme="un-symbol", value=f"A/RES/70/{number}")
        document = DocumentFactory()
        CustomDocument.objects.filter(pk=document.pk).update(
            extracted_text="Temporary shelter for defenders."
        )
        ResourceFileFactory(page=page, document=document, language="en")
        page.save_revision().publish()


def count_queries(client, url, params):
    client.get(url, params)  # warm Wagtail's site and locale caches
    content_version.changed()  # menu and facets built afresh: the cost when they are not cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize(
    "url,params",
    [("/en/search/", {"q": "shelter"}), ("/api/v3/search/", {"q": "shelter", "locale": "en"})],
)
def test_query_count_does_not_grow_with_the_hits(client, home, url, params):
    from resources.factories import ResourceIndexPageFactory

    library = ResourceIndexPageFactory(parent=home)
    make_publications(library, 5)
    few, response = count_queries(client, url, params)
    total = (
        response.context["outcome"].total if url.startswith("/en") else response.json()["pagination"]["count"]
    )
    assert total == 5
    make_publications(library, 15, start=5)
    many, response = count_queries(client, url, params)
    total = (
        response.context["outcome"].total if url.startswith("/en") else response.json()["pagination"]["count"]
    )
    assert total == 20
    assert many == few, (few, many)
    assert many <= 36, many


def test_promotion_and_popular_queries(client, pages):
    query = Query.get("desks")
    SearchPromotion.objects.create(query=query, page=pages["en"], sort_order=0, description="")
    response = client.get("/fr/recherche/", {"q": "desks"})
    # Promoted for the query in every language, shown in the visitor's language.
    assert [hit.page.pk for hit in response.context["outcome"].promotions] == [pages["fr"].pk]
    client.get("/en/search/", {"q": "Desks"})
    call_command("flush_search_hits", verbosity=0)
    assert Query.objects.get(query_string="desks").daily_hits.get().hits == 2


def test_a_search_writes_nothing_to_the_database_until_the_hits_are_flushed(client, pages):
    client.get("/en/search/")  # a new site's first request stores its settings row, once in its life
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/search/", {"q": "shelter"}).status_code == 200
        assert client.get("/api/v3/search/", {"q": "shelter", "locale": "fr"}).status_code == 200
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []
    assert not Query.objects.filter(query_string="shelter").exists()
    call_command("flush_search_hits", verbosity=0)
    assert Query.objects.get(query_string="shelter").hits == 2


def test_a_search_is_counted_once_not_per_page_or_facet(client, pages):
    index = pages["tree"]["en"]["index"]
    for number in range(25):
        ProgrammePageFactory(parent=index, title=f"Shelter {number}", slug=f"shelter-{number}")
    client.get("/en/search/", {"q": "shelter"})
    client.get("/en/search/", {"q": "shelter", "page": 2})
    client.get("/en/search/", {"q": "shelter", "kind": "programmepage"})
    client.get("/api/v3/search/", {"q": "shelter", "locale": "en", "page": 2})
    call_command("flush_search_hits", verbosity=0)
    assert Query.objects.get(query_string="shelter").hits == 1
    client.get("/api/v3/search/", {"q": "shelter", "locale": "fr"})
    call_command("flush_search_hits", verbosity=0)
    assert Query.objects.get(query_string="shelter").hits == 2


def test_promotions_fold_accents_and_case(client, pages):
    SearchPromotion.objects.create(query=Query.get("Déclaration"), page=pages["en"], sort_order=0)
    for query in ("declaration", "DÉCLARATION", "déclaration"):
        outcome = client.get("/fr/recherche/", {"q": query}).context["outcome"]
        assert [hit.page.pk for hit in outcome.promotions] == [pages["fr"].pk], query
    assert client.get("/fr/recherche/", {"q": "declarations"}).context["outcome"].promotions == []


def test_the_count_and_facets_include_the_promoted_result(client, pages):
    index = pages["tree"]["en"]["index"]
    for number in range(3):
        ProgrammePageFactory(parent=index, title=f"Declaration study {number}", slug=f"study-{number}")
    # Promoted although it does not contain the word.
    SearchPromotion.objects.create(query=Query.get("declaration"), page=pages["en"], sort_order=0)
    response = client.get("/en/search/", {"q": "declaration"})
    outcome = response.context["outcome"]
    shown = outcome.promotions + outcome.hits
    assert outcome.total == len(shown) == 4
    assert {value.value: value.count for value in outcome.facets[0].options} == {"programmepage": 4}
    assert "4 results for" in response.content.decode()
    api = client.get("/api/v3/search/", {"q": "declaration", "locale": "en"}).json()
    assert api["pagination"]["count"] == len(api["promotions"]) + len(api["results"]) == 4


def test_an_external_link_promotion_is_shown_and_counted(client, pages):
    SearchPromotion.objects.create(
        query=Query.get("desks"),
        external_link_url="https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders",
        external_link_text="UN Special Rapporteur on human rights defenders",
        description="The mandate's own site.",
        sort_order=0,
    )
    response = client.get("/en/search/", {"q": "desks"})
    outcome = response.context["outcome"]
    assert [hit.title for hit in outcome.promotions] == ["UN Special Rapporteur on human rights defenders"]
    assert outcome.total == 2
    html = response.content.decode()
    assert 'href="https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders"' in html
    assert "The mandate&#x27;s own site." in html
    api = client.get("/api/v3/search/", {"q": "desks", "locale": "en"}).json()
    assert api["promotions"][0]["id"] is None and api["promotions"][0]["kind"] == "external"
    # An external link has no content type: a facet filter leaves it out.
    filtered = client.get("/en/search/", {"q": "desks", "kind": "programmepage"}).context["outcome"]
    assert filtered.promotions == [] and filtered.total == 1


def test_suggestions_json(client, pages):
    data = client.get("/fr/recherche/suggest/", {"q": "bure"}).json()
    assert [item["title"] for item in data["suggestions"]] == ["Bureaux de protection"]
    assert client.get("/en/search/suggest/", {"q": ""}).json()["suggestions"] == []


@pytest.mark.parametrize(
    "language,typed",
    [("es", "legislacion"), ("es", "Legislación"), ("es", "politicas"), ("fr", "decl"), ("fr", "DÉCL")],
)
def test_suggestions_ignore_accents_and_case(client, site_tree, language, typed):
    index = site_tree["en"]["index"]
    page = ProgrammePageFactory(parent=index, title="National legislation", slug="national-legislation")
    titles = {
        "es": "Legislación y políticas públicas nacionales",
        "fr": "Déclaration sur les défenseurs",
    }
    translate_page(page, language, title=titles[language], slug=f"page-{language}")
    data = client.get(
        {"fr": "/fr/recherche/suggest/", "es": "/es/buscar/suggest/"}[language], {"q": typed}
    ).json()
    assert [item["title"] for item in data["suggestions"]] == [titles[language]]


def test_form_works_without_javascript_and_loads_external_script(client, pages):
    html = client.get("/en/search/").content.decode()
    assert 'method="get"' in html and 'name="q"' in html
    assert "search/suggest.js" in html
    assert "<script>" not in html


BAD_QUERIES = [
    "",
    "x" * 10_000,
    '"unbalanced quote',
    '"protection desks"',
    "protection AND desks OR NOT -x",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "protection\x00\x01\x1b[31m",
    "NEAR(protection desks) * ^ : ~",
    "((((",
    "A/RES/53/144",
    "ACHPR/Res.69(XXXV)04",
    "\u202eprotection",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_get_a_normal_page(client, pages, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["outcome"].query) <= 200
    assert client.get("/api/v3/search/", {"q": query, "locale": "en"}).status_code == 200
    assert client.get("/en/search/suggest/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nosuchtype"},
        {"year": "abc"},
        {"page": "-1"},
        {"page": "abc"},
        {"topic": "<script>"},
        {"type": "a b"},
    ],
)
def test_malformed_parameters_get_the_search_page_with_a_400(client, pages, params):
    response = client.get("/fr/recherche/", {"q": "protection", **params})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    # The whole page: layout, the search form with the query, and what was wrong.
    assert "<header" in html and 'name="q" value="protection"' in html
    assert 'role="alert"' in html and response.context["errors"]
    assert "<script>" not in html


@pytest.mark.parametrize(
    "params,status,field",
    [
        ({"locale": "xx"}, 422, "locale"),
        ({"page": "abc"}, 422, "page"),
        ({"page": "-1"}, 422, "page"),
        ({"year": "abc"}, 422, "year"),
        ({"topic": "<script>"}, 422, "topic"),
        ({"type": "a b"}, 422, "type"),
        ({"kind": "nosuchtype"}, 400, None),
    ],
)
def test_api_errors_say_what_is_wrong(client, pages, params, status, field):
    response = client.get("/api/v3/search/", {"q": "protection", **params})
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"]
    if field:
        assert [error["loc"] for error in problem["errors"]] == [["query", field]]
        assert all(error["msg"] for error in problem["errors"])


def test_api_schema_types_the_parameters(client, settings):
    schema = client.get("/api/v3/openapi.json").json()
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v3/search"]["get"]["parameters"]
    }
    assert parameters["locale"]["$ref"] == "#/components/schemas/ContentLanguage"
    assert schema["components"]["schemas"]["ContentLanguage"]["enum"] == [
        code for code, _name in settings.LANGUAGES
    ]
    assert parameters["page"]["type"] == "integer" and parameters["page"]["minimum"] == 1
    assert {"type": "integer", "minimum": 1000, "maximum": 9999} in parameters["year"]["anyOf"]


def test_unknown_but_wellformed_facet_values_find_nothing(client, pages):
    response = client.get("/en/search/", {"q": "protection", "topic": "no-such-topic", "year": 1999})
    assert response.status_code == 200
    assert response.context["outcome"].total == 0


def test_api_returns_the_same_results_and_facets(client, pages):
    api = client.get("/api/v3/search/", {"q": "protection", "locale": "fr"}).json()
    page = client.get("/fr/recherche/", {"q": "protection"}).context["outcome"]
    assert [r["id"] for r in api["results"]] == [hit.page.pk for hit in page.hits]
    assert api["pagination"]["count"] == page.total
    assert [f["name"] for f in api["facets"]] == [f.name for f in page.facets]
    assert all(r["locale"] == "fr" for r in api["results"])


@pytest.fixture
def publications(home):
    import datetime

    from resources.factories import (
        ResourceIndexPageFactory,
        ResourcePageFactory,
        ResourceTypeFactory,
        TopicFactory,
    )
    from resources.models import ResourceIdentifier

    library = ResourceIndexPageFactory(parent=home)
    manual = ResourceTypeFactory(name="Manual", slug="manual")
    report = ResourceTypeFactory(name="Report", slug="report")
    policy = TopicFactory(name="Public policies", slug="public-policies")
    first = ResourcePageFactory(
        parent=library,
        title="Shelter manual",
        resource_type=manual,
        publication_date=datetime.date(2019, 5, 1),
    )
    first.topics.set([policy])
    ResourceIdentifier.objects.create(page=first, scheme="un-symbol", value="A/RES/53/144")
    first.save_revision().publish()
    second = ResourcePageFactory(
        parent=library,
        title="Shelter report",
        resource_type=report,
        publication_date=datetime.date(2021, 1, 1),
    )
    return {"manual": first, "report": second}


def test_publication_facets_count_and_filter(client, publications):
    outcome = client.get("/en/search/", {"q": "shelter"}).context["outcome"]
    facets = {facet.name: {value.value: value.count for value in facet.options} for facet in outcome.facets}
    assert facets["kind"] == {"resourcepage": 2}
    assert facets["type"] == {"manual": 1, "report": 1}
    assert facets["topic"] == {"public-policies": 1}
    assert facets["year"] == {"2019": 1, "2021": 1}
    for params in ({"type": "manual"}, {"topic": "public-policies"}, {"year": 2019}):
        filtered = client.get("/en/search/", {"q": "shelter", **params}).context["outcome"]
        assert [hit.page.pk for hit in filtered.hits] == [publications["manual"].pk]


def test_a_filtered_search_shows_removable_chips_and_folded_facets_that_return_to_the_results(
    client, publications
):
    html = BeautifulSoup(client.get("/en/search/", {"q": "shelter", "type": "manual"}).content, "html.parser")
    chips = html.select("ul.active-filters a.chip")
    assert [chip.get_text(" ", strip=True) for chip in chips] == ["Remove filter Resource type: Manual ×"]
    assert chips[0]["href"] == "?q=shelter#results"
    facets = html.select_one("details.filters")
    assert facets is not None and not facets.has_attr("open")
    assert all(link["href"].endswith("#results") for link in facets.select("a"))
    assert html.select_one("#results .search-hit") is not None


def test_the_publication_facets_of_a_search_are_the_librarys_counted_in_one_query(client, publications):
    locale = Locale.objects.get(language_code="en")
    ids = [publications["manual"].pk, publications["report"].pk]
    facets = PublicationFacets(locale, RESOURCE_FACETS)
    with CaptureQueriesContext(connection) as queries:
        found = build_facets(ids, {"type": "manual"}, facets)
    assert len(queries) == 2  # the page types, then every publication facet
    assert [facet.name for facet in found] == ["kind", "type", "topic", "year"]
    assert [(o.value, o.label, o.count, o.selected) for o in found[1].options] == [
        ("manual", "Manual", 1, True),
        ("report", "Report", 1, False),
    ]


def test_library_and_search_answer_facets_and_pages_in_one_shape(client, publications):
    library = client.get("/api/v3/library/", {"locale": "en"}).json()
    search = client.get("/api/v3/search/", {"q": "shelter", "locale": "en"}).json()

    for answer in (library, search):
        assert set(answer["pagination"]) == {"count", "page", "page_size", "num_pages", "next", "previous"}
        assert answer["pagination"]["count"] == 2
        for facet in answer["facets"]:
            assert set(facet) == {"name", "label", "options"}
            assert all(set(option) == {"value", "label", "count", "selected"} for option in facet["options"])
    # `type` is the resource type in both, with the same values and counts.
    for answer in (library, search):
        types = next(facet for facet in answer["facets"] if facet["name"] == "type")
        assert {option["value"]: option["count"] for option in types["options"]} == {"manual": 1, "report": 1}
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    for name in ("LibrarySchema", "SearchOut"):
        properties = schema[name]["properties"]
        assert properties["facets"]["items"] == {"$ref": "#/components/schemas/FacetSchema"}, name
        assert properties["pagination"] == {"$ref": "#/components/schemas/PaginationSchema"}, name


def test_publication_found_by_identifier_and_taxonomy_label(client, publications):
    for query in ("A/RES/53/144", "ARES53144", "public policies"):
        outcome = client.get("/en/search/", {"q": query}).context["outcome"]
        assert [hit.page.pk for hit in outcome.hits] == [publications["manual"].pk], query
