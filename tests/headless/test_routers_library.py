import pytest
from wagtail.models import Collection, CollectionViewRestriction

from conftest import built_once, reloaded
from resources.factories import DocumentFactory, ResourceFileFactory
from resources.library import LibrarySearch
from tests.headless.conftest import make_private
from tests.resources.conftest import make_publication, translate_publication

pytestmark = pytest.mark.django_db


def build_shelf(library_tree):
    en = library_tree["en"]
    t = library_tree["taxonomy"]
    manual = make_publication(
        en["library"],
        title="Protection manual",
        slug="protection-manual",
        resource_type=t["manual"],
        topics=[t["criminalisation"]],
        regions=[t["africa"]],
        countries=["KE"],
        programmes=[en["programme"]],
        files=("en", "fr"),
    )
    translate_publication(manual, "fr", "Manuel de protection", "Pour les défenseurs.")
    report = make_publication(
        en["library"], title="Annual report", slug="annual-report", resource_type=t["report"], files=("en",)
    )
    draft = make_publication(en["library"], title="Draft", slug="draft", resource_type=t["manual"])
    draft.unpublish()
    private = make_publication(en["library"], title="Private", slug="private", resource_type=t["manual"])
    make_private(private)
    board = Collection.get_first_root_node().add_child(name="Board")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    ResourceFileFactory(
        page=report, language="es", document=DocumentFactory(collection=board, filename="board-minutes.pdf")
    )
    return {"manual": manual, "report": report, "draft": draft, "private": private}


@pytest.fixture(scope="module")
def shared_shelf(shared_library_tree, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_shelf(shared_library_tree)


@pytest.fixture
def shelf(library_tree, shared_shelf):
    """Two public publications, one hidden each way, and a file in a private collection.

    Built once per module (the French translation goes through wagtail-localize): the
    tests only read it.
    """
    return reloaded(shared_shelf)


def test_library_in_french_matches_the_html_page(client, library_tree, shelf):
    library = library_tree["fr"]["library"]

    data = client.get("/api/v3/library/", {"locale": "fr", "type": "manual"}).json()
    html = client.get(library.url, {"type": "manual"}).content.decode()
    expected = LibrarySearch({"type": ["manual"]}, library, library.locale).result()

    assert data["pagination"]["count"] == expected.total == 1
    assert [item["title"] for item in data["items"]] == ["Manuel de protection"]
    assert "Manuel de protection" in html and "Annual report" not in html
    item = data["items"][0]
    assert item["url"].startswith("/fr/")
    assert item["type"] == "Manuel"
    assert [(f["language"], f["format"]) for f in item["files"]] == [("en", "PDF"), ("fr", "PDF")]
    # Absolute: a front end on another origin would resolve a path against itself.
    assert all(f["size"] > 0 and f["url"].startswith("http://testserver/documents/") for f in item["files"])
    facets = {facet["name"]: facet for facet in data["facets"]}
    assert facets["type"]["label"] == "Type"
    assert {o["value"]: (o["label"], o["count"], o["selected"]) for o in facets["type"]["options"]} == {
        "manual": ("Manuel", 1, True),
        "report": ("Rapport", 1, False),
    }


def test_hidden_publications_and_private_files_are_not_counted(client, library_tree, shelf):
    data = client.get("/api/v3/library/", {"locale": "en"}).json()

    assert data["pagination"]["count"] == 2
    assert {item["title"] for item in data["items"]} == {"Protection manual", "Annual report"}
    languages = {
        o["value"]: o["count"] for o in next(f for f in data["facets"] if f["name"] == "language")["options"]
    }
    assert languages == {"en": 2, "fr": 1}  # the Spanish file is in a private collection
    assert "board-minutes" not in str(data)
    type_counts = {o["value"]: o["count"] for o in data["facets"][0]["options"]}
    assert type_counts == {"manual": 1, "report": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"year": "19x5"},
        {"page": "abc"},
        {"sort": "random"},
        {"country": "ZZ"},
        {"locale": "de"},
    ],
)
def test_bad_filters_are_4xx_problems(client, library_tree, shelf, params):
    response = client.get("/api/v3/library/", params)

    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "params",
    [
        {"year": "\u00b2"},  # superscript two: str.isdigit() is True, int() fails
        {"year": "\u2460"},  # circled one
        {"page": "\u2460"},
        {"page": "\u00b2"},
        {"year": "99999999999"},
        {"year": "9" * 5000},
        {"page": "9" * 5000},
        {"page": "0"},
        {"page": "-1"},
    ],
    ids=[
        "year-superscript",
        "year-circled",
        "page-circled",
        "page-superscript",
        "year-huge",
        "year-5000-digits",
        "page-5000-digits",
        "page-zero",
        "page-negative",
    ],
)
def test_bad_numbers_are_400_problems_that_say_why(client, library_tree, shelf, params):
    response = client.get("/api/v3/library/", params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "is not a" in response.content.decode()


def test_a_huge_page_number_is_404(client, library_tree, shelf):
    response = client.get("/api/v3/library/", {"page": "99999999999999999999"})

    assert response.status_code == 404
    assert "There is no page 99999999999999999999" in response.content.decode()


def test_page_past_the_end_is_404(client, library_tree, shelf):
    assert client.get("/api/v3/library/", {"page": "9"}).status_code == 404


def test_publication_page_exposes_files_and_translated_taxonomy(client, library_tree, shelf):
    french = shelf["manual"].get_translation(library_tree["fr"]["library"].locale)

    page = client.get("/api/v3/route/", {"path": french.url}).json()["page"]

    publication = page["publication"]
    assert publication["type"] == {"slug": "manual", "label": "Manuel"}
    assert publication["topics"] == [{"slug": "criminalisation", "label": "Criminalisation"}]
    assert publication["regions"] == [{"slug": "africa", "label": "Afrique"}]
    assert publication["countries"] == [{"code": "KE", "name": "Kenya"}]
    assert [card["title"] for card in publication["programmes"]] == ["Plaidoyer juridique"]
    # In French; capitalised or not depending on which catalogue (Django's or ours) names it.
    assert all(f["url"].startswith("http://testserver/documents/") for f in publication["files"])
    assert [(f["language"], f["language_name"].casefold()) for f in publication["files"]] == [
        ("en", "anglais"),
        ("fr", "français"),
    ]


def test_route_resolves_the_library_page_and_says_what_its_feed_is(client, library_tree):
    library = library_tree["fr"]["library"]

    page = client.get("/api/v3/route/", {"path": library.url})
    feed = client.get("/api/v3/route/", {"path": f"{library.url}feed/"})
    served = client.get(f"{library.url}feed/")

    assert page.status_code == 200
    assert page.json()["page"]["meta"]["type"] == "resources.ResourceIndexPage"
    assert feed.status_code == 200
    assert feed.json()["page"] is None
    assert feed.json()["view"] == {
        "name": "feed_view",
        "url": f"http://testserver{library.url}feed/",
        "api_url": None,
        "page": {"id": library.pk, "title": library.title, "url": library.url},
    }
    assert served.status_code == 200 and "rss" in served["Content-Type"]


def test_library_runs_a_bounded_number_of_queries_whatever_the_number_of_publications(client, library_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    en = library_tree["en"]
    t = library_tree["taxonomy"]

    def add(number):
        for _ in range(number):
            make_publication(
                en["library"], resource_type=t["manual"], topics=[t["criminalisation"]], files=("en", "fr")
            )

    from website import content_version

    def count():
        content_version.changed()  # facets counted afresh: the cost when they are not cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v3/library/", {"locale": "fr"}).status_code == 200
        return len(queries)

    add(1)
    count()
    before = count()
    add(4)
    after = count()
    assert after == before
    assert after <= 40, after
