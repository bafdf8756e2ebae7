"""Links to drafts, private pages and private documents stay unlinked for everyone (pages are cached)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from website.factories import CustomDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(home):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    index = ProgrammeIndexPageFactory(parent=home)
    private_page = ProgrammePageFactory(parent=index, title="Private", slug="private-slug")
    PageViewRestriction.objects.create(page=private_page, restriction_type="password", password="x")
    return {
        "index": index,
        "document": CustomDocumentFactory(collection=private, title="Secret report"),
        "public_document": CustomDocumentFactory(title="Annual report"),
        "draft": ProgrammePageFactory(parent=index, title="Draft", slug="draft-slug", live=False),
        "private": private_page,
        "below_private": ProgrammePageFactory(parent=private_page, slug="below-private-slug"),
        "public": ProgrammePageFactory(parent=index, slug="public-slug"),
    }


def links(hidden):
    pages = ("draft", "private", "below_private", "public")
    page_links = " ".join(f'<a linktype="page" id="{hidden[name].pk}">{name}</a>' for name in pages)
    return (
        f'<p><a linktype="document" id="{hidden["document"].pk}">secret</a> '
        f'<a linktype="document" id="{hidden["public_document"].pk}">annual</a> {page_links}</p>'
    )


def body(hidden, paragraphs=1):
    cta = [
        {
            "type": "call_to_action",
            "value": {"heading": "h", "link_text": f"cta {name}", "page": hidden[name].pk},
        }
        for name in ("draft", "private", "public")
    ]
    return [
        *({"type": "paragraph", "value": links(hidden)} for _ in range(paragraphs)),
        {"type": "document_link", "value": {"document": hidden["document"].pk, "label": ""}},
        {"type": "document_link", "value": {"document": hidden["public_document"].pk, "label": ""}},
        *cta,
    ]


def assert_nothing_hidden_leaks(text, hidden):
    private_document = f"/documents/{hidden['document'].pk}/"
    for leak in ("draft-slug", "private-slug", "Secret report", private_document):
        assert leak not in text


def test_page_body_links_only_to_public_pages_and_documents(client, hidden):
    page = ProgrammePageFactory(parent=hidden["index"], body=body(hidden))
    html = client.get(page.url).content.decode()
    assert_nothing_hidden_leaks(html, hidden)
    assert "<a>draft</a>" in html and "<a>secret</a>" in html
    assert "public-slug" in html and hidden["public_document"].url in html
    assert "Annual report" in html and "<p>cta draft</p>" in html


@pytest.mark.parametrize("rich_text_format", ["html", "markdown"])
def test_api_body_and_rich_text_link_only_to_public_pages_and_documents(client, hidden, rich_text_format):
    page = ProgrammePageFactory(parent=hidden["index"], body=body(hidden))
    hidden["index"].introduction = links(hidden)
    hidden["index"].save_revision().publish()
    for pk in (page.pk, hidden["index"].pk):
        text = client.get(f"/api/v3/pages/{pk}/", {"rich_text_format": rich_text_format}).content.decode()
        assert_nothing_hidden_leaks(text, hidden)
        assert "public-slug" in text
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert [block["value"]["url"] for block in data["body"][3:]] == [None, None, hidden["public"].url]


def test_home_call_to_action_to_a_draft_is_unlinked(client, home, hidden):
    home.call_to_action_heading = "Act"
    home.call_to_action_link_text = "Join"
    home.call_to_action_page = hidden["draft"]
    home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Join" not in html and "draft-slug" not in html


def test_restrictions_are_read_once_per_request_however_many_links(client, hidden):
    """Each paragraph still costs Wagtail's own lookups of its linked pages and documents."""

    def restriction_queries(paragraphs):
        page = ProgrammePageFactory(parent=hidden["index"], body=body(hidden, paragraphs))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return [query["sql"] for query in captured if "viewrestriction" in query["sql"]]

    assert len(restriction_queries(10)) == len(restriction_queries(1))
