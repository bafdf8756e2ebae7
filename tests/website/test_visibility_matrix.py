"""Every surface × every kind of hidden content: an anonymous visitor sees none of it.

Each cell also checks that the public control of the same kind (a public publication,
a document in a public collection) IS visible in the same kind of response, so a
surface that shows nothing at all fails too. The questions themselves are answered
by `website.visibility` (tests/website/test_visibility.py).
"""

import json

import pytest

from tests.website.sitemaps import sitemap_text
from tests.website.visibility_tree import HIDDEN_PAGES, built_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker) as built:
        home = built["home"]
        links = [
            *(f'<a linktype="page" id="{page.pk}">link-{case}</a>' for case, page in built["pages"].items()),
            *(
                f'<a linktype="document" id="{doc.pk}">link-{case}</a>'
                for case, doc in built["documents"].items()
            ),
        ]
        home.introduction = f"<p>{' '.join(links)}</p>"
        home.save_revision().publish()
        # The page each document is offered on: the control's own, and a public one for the private file.
        built["page_of"] = {"public": built["pages"]["public"], "private_collection": built["holder"]}
        yield built


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def api_items(response, key="items"):
    assert response.status_code == 200, response.status_code
    return {item["id"] for item in response.json()[key]}


# Whether `page` reaches an anonymous visitor through each surface.
PAGE_SURFACES = {
    "html page": lambda client, tree, page: (
        (response := client.get(page.url)).status_code == 200 and page.title in response.content.decode()
    ),
    "html listing": lambda client, tree, page: page.title in text(client.get(tree["library"].url)),
    "feed": lambda client, tree, page: page.title in text(client.get(tree["library"].url + "feed/")),
    "search results": lambda client, tree, page: (
        page.title in text(client.get("/en/search/", {"q": "Vismark"}))
    ),
    "sitemap": lambda client, tree, page: f"/{page.slug}/" in sitemap_text(client),
    "rich-text link": lambda client, tree, page: (
        f'<a href="{page.url}">link-{page.slug.removeprefix("vis-")}</a>'
        in text(client.get(tree["home"].url))
    ),
    "api pages": lambda client, tree, page: (
        page.pk in api_items(client.get("/api/v3/pages/", {"type": "resources.ResourcePage", "limit": 20}))
    ),
    "api page detail": lambda client, tree, page: client.get(f"/api/v3/pages/{page.pk}/").status_code == 200,
    "api route": lambda client, tree, page: (
        client.get("/api/v3/route/", {"path": page.url}).status_code == 200
    ),
    "api library": lambda client, tree, page: (
        page.pk in api_items(client.get("/api/v3/library/", {"locale": "en"}))
    ),
    "api search": lambda client, tree, page: (
        page.pk in api_items(client.get("/api/v3/search/", {"q": "Vismark", "locale": "en"}), key="results")
    ),
}


# Whether `document` reaches an anonymous visitor through each surface.
DOCUMENT_SURFACES = {
    "html page": lambda client, tree, doc, page: doc.url in text(client.get(page.url)),
    "rich-text link": lambda client, tree, doc, page: (
        f'href="{doc.url}"' in text(client.get(tree["home"].url))
    ),
    "api route": lambda client, tree, doc, page: (
        doc.url in json.dumps(client.get("/api/v3/route/", {"path": page.url}).json()["page"])
    ),
    "api library": lambda client, tree, doc, page: (
        doc.url in text(client.get("/api/v3/library/", {"locale": "en"}))
    ),
    "api documents": lambda client, tree, doc, page: doc.pk in api_items(client.get("/api/v3/documents/")),
    "api document detail": lambda client, tree, doc, page: (
        client.get(f"/api/v3/documents/{doc.pk}/").status_code == 200
    ),
}


@pytest.mark.parametrize("kind", HIDDEN_PAGES)
@pytest.mark.parametrize("surface", PAGE_SURFACES)
def test_hidden_pages_reach_no_surface(client, tree, surface, kind):
    appears = PAGE_SURFACES[surface]
    assert appears(client, tree, tree["pages"]["public"]), "the public control is missing"
    assert not appears(client, tree, tree["pages"][kind])


@pytest.mark.parametrize("surface", DOCUMENT_SURFACES)
def test_documents_in_private_collections_reach_no_surface(client, tree, surface):
    appears = DOCUMENT_SURFACES[surface]
    documents, page_of = tree["documents"], tree["page_of"]
    assert appears(client, tree, documents["public"], page_of["public"]), "the public control is missing"
    assert not appears(client, tree, documents["private_collection"], page_of["private_collection"])
