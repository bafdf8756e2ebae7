"""What the API v3 patches add: menus, cards and redirects to hidden pages, documents chosen in
StreamFields, session passwords and token holders (the surface × kind matrix is in
tests/website/test_visibility_matrix.py)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, CollectionViewRestriction

from programmes.factories import ProgrammePageFactory
from tests.headless.conftest import bearer, make_private
from website.factories import CustomDocumentFactory, CustomImageFactory
from website.models import CustomDocument, User

pytestmark = pytest.mark.django_db

HIDDEN_CASES = ["draft", "unpublished", "private", "below_private", "below_unpublished"]


@pytest.fixture
def hidden_tree(site_tree):
    """Next to a public programme, one page for every way a page can be hidden."""
    index = site_tree["en"]["index"]
    pages = {"public": ProgrammePageFactory(parent=index, title="Public", slug="public", show_in_menus=True)}
    pages["draft"] = ProgrammePageFactory(
        parent=index, title="Draft", slug="draft", live=False, show_in_menus=True
    )
    pages["unpublished"] = ProgrammePageFactory(
        parent=index, title="Withdrawn", slug="withdrawn", show_in_menus=True
    )
    pages["unpublished"].unpublish()
    pages["private"] = ProgrammePageFactory(parent=index, title="Private", slug="private", show_in_menus=True)
    make_private(pages["private"])
    # Page-type rules are the admin's; factories may nest pages to build these cases.
    pages["below_private"] = ProgrammePageFactory(parent=pages["private"], title="Below private", slug="bp")
    parent = ProgrammePageFactory(parent=index, title="Parent", slug="parent", show_in_menus=True)
    pages["below_unpublished"] = ProgrammePageFactory(
        parent=parent, title="Below unpublished", slug="bu", show_in_menus=True
    )
    parent.unpublish()
    for page in pages.values():
        page.refresh_from_db()
    return pages


def test_no_endpoint_gives_a_hidden_page_to_anonymous_callers(client, site_tree, hidden_tree):
    home = site_tree["en"]["home"]
    programme = site_tree["en"]["programme"]
    programme.related_programmes.set(hidden_tree.values())
    programme.save_revision().publish()
    home.featured_programmes.create(programme=hidden_tree["public"])
    for case in HIDDEN_CASES:
        home.featured_programmes.create(programme=hidden_tree[case])
    home.call_to_action_page = hidden_tree["private"]
    home.save_revision().publish()

    def get(url, **params):
        response = client.get(url, params)
        return response.status_code, response.json()

    _status, listing = get("/api/v3/pages/", type="programmes.ProgrammePage", limit=20)
    listed = {item["id"] for item in listing["items"]}
    _status, menu = get("/api/v3/navigation/", locale="en")
    menu_ids = {item["id"] for top in menu["items"] for item in [top, *top["children"]]}
    _status, programme_route = get("/api/v3/route/", path=programme.url)
    related = {card["id"] for card in programme_route["page"]["related_programme_cards"]}
    _status, home_route = get("/api/v3/route/", path="/en/")
    featured = {card["id"] for card in home_route["page"]["featured_programme_cards"]}

    assert hidden_tree["public"].pk in listed & menu_ids & related & featured
    # Totals count only what is listed: the programme in three languages, and "Public".
    assert listing["count"] == len(listed) == 4
    assert listed == {site_tree[language]["programme"].pk for language in site_tree} | {
        hidden_tree["public"].pk
    }
    leaks = []
    for case in HIDDEN_CASES:
        page = hidden_tree[case]
        checks = {
            "pages/ list": page.pk not in listed,
            "pages/{id}/": get(f"/api/v3/pages/{page.pk}/")[0] == 404,
            "pages/find/": get("/api/v3/pages/find/", id=page.pk)[0] == 404,
            "route/": get("/api/v3/route/", path=page.url)[0] == 404,
            "navigation/": page.pk not in menu_ids,
            "related cards": page.pk not in related,
            "featured cards": page.pk not in featured,
        }
        leaks += [f"{case} via {endpoint}" for endpoint, ok in checks.items() if not ok]
    assert leaks == []
    assert home_route["page"]["call_to_action_page"] is None


def test_unpublished_translation_is_not_offered(client, site_tree):
    site_tree["es"]["programme"].unpublish()

    data = client.get("/api/v3/route/", {"path": site_tree["fr"]["programme"].url}).json()

    assert [item["language"] for item in data["translations"]] == ["en", "fr"]


def test_a_token_holder_may_read_drafts_but_anonymous_callers_may_not(client, site_tree, hidden_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    draft = hidden_tree["draft"]

    assert client.get(f"/api/v3/pages/{draft.pk}/", {"version": "draft"}).status_code == 404
    response = client.get(f"/api/v3/pages/{draft.pk}/", {"version": "draft"}, **bearer(admin))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_documents_in_private_collections_never_reach_the_api(client, site_tree):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    inner = private.add_child(name="Minutes")
    public_doc = CustomDocument.objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4", name="r.pdf")
    )
    secret_doc = CustomDocument.objects.create(
        title="Minutes", collection=inner, file=ContentFile(b"%PDF-1.4", name="m.pdf")
    )
    programme = site_tree["en"]["programme"]
    programme.body = [
        {"type": "document_link", "value": {"document": public_doc.pk, "label": ""}},
        {"type": "document_link", "value": {"document": secret_doc.pk, "label": "Minutes"}},
    ]
    programme.save_revision().publish()

    body = client.get("/api/v3/route/", {"path": programme.url}).json()["page"]["body"]

    assert body[0]["value"]["title"] == "Annual report"
    assert body[0]["value"]["url"] == f"http://testserver{public_doc.url}"
    assert body[0]["value"]["format"] == "PDF"
    assert body[1]["value"] is None
    assert "m.pdf" not in str(body)


@pytest.fixture
def private_collections():
    """Public files next to files in a login-only collection, a collection inside it and a password one."""
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    partners = root.add_child(name="Partners only")
    password = CollectionViewRestriction.objects.create(
        collection=partners, restriction_type="password", password="shared-secret"
    )
    collections = {
        "public": root,
        "login": board,
        "nested": board.add_child(name="Minutes"),
        "password": partners,
    }
    documents = {
        case: CustomDocumentFactory(
            title=f"Confidential {case}" if case != "public" else "Annual report", collection=c
        )
        for case, c in collections.items()
    }
    images = {
        case: CustomImageFactory(
            title=f"Confidential {case}" if case != "public" else "Campaign", collection=c
        )
        for case, c in collections.items()
    }
    return {"documents": documents, "images": images, "password_restriction": password}


def enter_collection_password(client, document, restriction):
    """What a browser does at /documents/<id>/<file>: the password form, then the document."""
    response = client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": "shared-secret", "return_url": document.url},
    )
    assert response.status_code == 302
    assert client.get(document.url).status_code == 200  # the session now opens the collection


@pytest.mark.parametrize("kind", ["documents", "images"])
def test_private_collections_never_reach_anonymous_callers_even_after_a_password(
    client, site_tree, private_collections, kind
):
    items = private_collections[kind]
    enter_collection_password(
        client, private_collections["documents"]["password"], private_collections["password_restriction"]
    )
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "unused-password"))

    listing = client.get(f"/api/v3/{kind}/")
    searched = client.get(f"/api/v3/{kind}/", {"search": "Confidential"})

    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["items"]] == [items["public"].pk]
    assert listing.json()["count"] == 1
    assert searched.json() == {"items": [], "count": 0}
    for case in ("login", "nested", "password"):
        detail = client.get(f"/api/v3/{kind}/{items[case].pk}/")
        assert detail.status_code == 404, case
        assert "Confidential" not in detail.content.decode()
    assert client.get(f"/api/v3/{kind}/{items['public'].pk}/").status_code == 200


@pytest.mark.parametrize("kind", ["documents", "images"])
def test_a_token_holder_sees_what_their_account_opens_but_never_by_password(
    client, site_tree, private_collections, kind
):
    editor = User.objects.create_user("editor", password="unused-password")
    items = private_collections[kind]

    listed = {item["id"] for item in client.get(f"/api/v3/{kind}/", **bearer(editor)).json()["items"]}

    assert listed == {items["public"].pk, items["login"].pk, items["nested"].pk}


def test_anonymous_callers_see_only_redirects_to_public_targets(client, site_tree, hidden_tree):
    public = Redirect.objects.create(old_path="/en/old-public", redirect_page=hidden_tree["public"])
    external = Redirect.objects.create(old_path="/en/partners", redirect_link="https://example.org/")
    hidden = {
        case: Redirect.objects.create(old_path=f"/en/old-{case}", redirect_page=hidden_tree[case])
        for case in HIDDEN_CASES
    }
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")

    listing = client.get("/api/v3/redirects/").json()
    by_token = client.get("/api/v3/redirects/", **bearer(admin)).json()

    assert {item["id"] for item in listing["items"]} == {public.pk, external.pk}
    assert listing["count"] == 2
    assert by_token["count"] == 2 + len(HIDDEN_CASES)
    assert client.get(f"/api/v3/redirects/{public.pk}/").status_code == 200
    for case, redirect in hidden.items():
        assert client.get(f"/api/v3/redirects/{redirect.pk}/").status_code == 404, case
        assert client.get("/api/v3/redirects/find/", {"id": redirect.pk}).status_code == 404, case
        assert client.get("/api/v3/redirects/find/", {"html_path": redirect.old_path}).status_code == 404, (
            case
        )
        assert client.get("/api/v3/route/", {"path": redirect.old_path}).status_code == 404, case
    found = client.get("/api/v3/redirects/find/", {"html_path": "/en/old-public"})
    assert found.status_code == 302
    assert found["Location"].startswith(f"/api/v3/redirects/{public.pk}/")
