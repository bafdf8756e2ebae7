import datetime
import json
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conftest import translate_page
from programmes.models import ProgrammePage
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory, ResourceTypeFactory
from website.blocks import (
    AccordionBlock,
    BodyBlock,
    ClickToLoadEmbedBlock,
    DocumentLinkBlock,
    GalleryBlock,
    ImageBlock,
    PublicationListBlock,
    TableBlock,
)
from website.factories import CustomDocumentFactory, CustomImageFactory

pytestmark = pytest.mark.django_db


def render(block, value):
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


def test_image_block_is_responsive_lazy_webp_with_its_dimensions():
    image = CustomImageFactory()
    img = render(ImageBlock(), {"image": image.pk, "alt_text": "", "decorative": False}).img
    assert img["alt"] == image.alt_text
    assert img["loading"] == "lazy"
    assert (img["width"], img["height"]) == ("480", "270")  # no layout shift while it loads
    candidates = [candidate.split() for candidate in img["srcset"].split(",")]
    assert [width for _url, width in candidates] == ["480w", "960w", "1440w"]
    assert all(url.endswith(".webp") for url, _width in candidates)
    assert img["sizes"]


def test_decorative_image_is_hidden_from_screen_readers():
    img = render(ImageBlock(), {"image": CustomImageFactory().pk, "decorative": True}).img
    assert img["alt"] == ""


def test_download_link_shows_format_and_size():
    document = CustomDocumentFactory()
    html = render(DocumentLinkBlock(), {"document": document.pk, "label": "Protection manual"})
    assert html.a["href"] == document.url
    assert html.select_one(".file-meta").get_text() == "(PDF, 2.0\xa0KB)"


def test_embed_makes_no_request_until_the_visitor_follows_the_link():
    html = render(ClickToLoadEmbedBlock(), {"url": "https://www.youtube.com/watch?v=x", "title": "Defenders"})
    assert html.select("iframe, script, img") == []
    assert html.a["href"] == "https://www.youtube.com/watch?v=x"
    assert "www.youtube.com" in html.a.get_text()


def test_a_small_original_lists_its_width_once_in_srcset_and_the_api():
    image = CustomImageFactory(file__width=600, file__height=400)
    img = render(ImageBlock(), {"image": image.pk, "alt_text": "", "decorative": False}).img
    widths = [candidate.split()[1] for candidate in img["srcset"].split(",")]
    assert widths == ["480w", "600w"]  # width-960 and width-1440 cannot enlarge it
    block = ImageBlock()
    api = block.get_api_representation(block.to_python({"image": image.pk}))
    assert [rendition["width"] for rendition in api["renditions"]] == [480, 600]


# Through the admin's own form, as an editor saves a page: each block's clean() is reached by a POST
# to Wagtail's add and edit views, and its errors come back on the block, never as a server error.

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's w-autosave controller sends


def programme_form(body, title="Join the network", slug="join-the-network"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "How parliamentarians can join.",
            "body": streamfield(body),
            "people": streamfield([]),  # the programme page's people (people/)
            "comments": inline_formset([]),
        }
    )


def block_errors(response, field="body"):
    """The errors the StreamField's editor shows on each block (Wagtail hands them to its JavaScript)."""
    soup = BeautifulSoup(response.content, "html.parser")
    widget = soup.select_one(f"[data-contentpath='{field}'] [data-w-block-arguments-value]")
    _value, errors = json.loads(widget["data-w-block-arguments-value"])
    return errors


def post_add(client, index, body, **extra):
    url = reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", index.pk])
    with translation.override("en"):
        return client.post(url, programme_form(body), **extra)


def post_edit(client, page, body, **extra):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with translation.override("en"):
        return client.post(url, programme_form(body, title=page.title, slug=page.slug), **extra)


CALL_TO_ACTION = {
    "heading": "Work with us",
    "text": "",
    "link_text": "Contact the team",
    "page": "",
    "url": "",
}


@pytest.mark.parametrize("action", [None, "action-publish"])
def test_a_call_to_action_without_a_link_is_an_error_on_its_page_field(admin_client, site_tree, action):
    body = [("call_to_action", CALL_TO_ACTION)]
    url = reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", site_tree["en"]["index"].pk])
    data = programme_form(body)
    if action:
        data[action] = "1"
    with translation.override("en"):
        response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, nothing created
    assert block_errors(response) == {
        "blockErrors": {"0": {"blockErrors": {"page": {"messages": ["Choose a page or give a URL."]}}}}
    }
    assert not ProgrammePage.objects.filter(slug="join-the-network").exists()


def test_autosaving_a_call_to_action_without_a_link_is_a_validation_error(admin_client, site_tree):
    programme = site_tree["en"]["programme"]
    response = post_edit(admin_client, programme, [("call_to_action", CALL_TO_ACTION)], **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert programme.revisions.count() == 0


@pytest.mark.parametrize("link", [{"url": "https://www.protectioninternational.org/"}, "page"])
def test_a_call_to_action_with_a_page_or_a_url_is_saved(admin_client, site_tree, link):
    programme = site_tree["en"]["programme"]
    link = {"page": str(site_tree["en"]["index"].pk)} if link == "page" else link
    response = post_edit(admin_client, programme, [("call_to_action", {**CALL_TO_ACTION, **link})])
    assert response.status_code == 302
    draft = ProgrammePage.objects.get(pk=programme.pk).get_latest_revision_as_object()
    assert draft.body[0].block_type == "call_to_action"


def test_an_image_block_without_alt_text_is_an_error_on_its_alt_text_field(admin_client, site_tree):
    image = CustomImageFactory(alt_text="")  # the image itself was never described
    body = [("image", {"image": str(image.pk), "alt_text": "", "caption": "", "credit": ""})]
    response = post_edit(admin_client, site_tree["en"]["programme"], body)
    assert response.status_code == 200
    assert block_errors(response) == {
        "blockErrors": {
            "0": {
                "blockErrors": {"alt_text": {"messages": ["Describe the image, or mark it as decorative."]}}
            }
        }
    }
    autosaved = post_edit(admin_client, site_tree["en"]["programme"], body, **AUTOSAVE)
    assert autosaved.status_code == 400


@pytest.mark.parametrize(
    "choice", [{"alt_text": "Defenders meeting members of parliament"}, {"decorative": "on"}]
)
def test_an_image_block_described_or_decorative_is_saved(admin_client, site_tree, choice):
    image = CustomImageFactory(alt_text="")
    body = [("image", {"image": str(image.pk), "alt_text": "", "caption": "", "credit": "", **choice})]
    assert post_edit(admin_client, site_tree["en"]["programme"], body).status_code == 302


def test_every_block_of_the_body_is_cleaned_and_saved_through_the_admin_form(admin_client, site_tree):
    image, document = CustomImageFactory(), CustomDocumentFactory()
    body = [
        ("heading", {"text": "Why parliaments matter", "level": "h2"}),
        ("paragraph", rich_text("<p>MPs can protect defenders.</p>")),
        ("quote", {"quote": "Everyone has the right to defend rights.", "attribution": "UN Declaration"}),
        ("image", {"image": str(image.pk), "alt_text": "", "caption": "A hearing", "credit": ""}),
        (
            "key_facts",
            {
                "heading": "Facts",
                "facts": {
                    "count": "1",
                    "0": {
                        "type": "item",
                        "value": {"figure": "1998", "label": "Declaration adopted"},
                        "deleted": "",
                        "order": "0",
                    },
                },
            },
        ),
        ("call_to_action", {**CALL_TO_ACTION, "url": "https://www.protectioninternational.org/"}),
        ("document_link", {"document": str(document.pk), "label": ""}),
        ("embed", {"url": "https://www.youtube.com/watch?v=x", "title": "Defenders speak"}),
    ]
    response = post_add(admin_client, site_tree["en"]["index"], body)
    assert response.status_code == 302, response.context["form"].errors
    page = ProgrammePage.objects.get(slug="join-the-network").get_latest_revision_as_object()
    assert [block.block_type for block in page.body] == [name for name, _value in body]


# Blocks of issue 13: table, accordion, gallery, publication list; each with its API shape and preview.


def test_table_has_a_caption_and_headings_for_screen_readers_and_pads_short_rows():
    block = TableBlock()
    value = block.to_python(
        {
            "caption": "Mechanisms",
            "column_headings": ["Country", "Year", "Kind"],
            "rows": [["Colombia", "1997", "Programme"], ["Mexico", "2012"]],
            "first_column_is_heading": True,
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.caption.get_text() == "Mechanisms"
    assert [th.get_text() for th in html.select("thead th[scope=col]")] == ["Country", "Year", "Kind"]
    assert [th.get_text() for th in html.select("tbody th[scope=row]")] == ["Colombia", "Mexico"]
    assert len(html.select("tbody tr")[1].select("td")) == 2  # "2012" and an empty cell under "Kind"
    assert block.get_api_representation(value) == {
        "caption": "Mechanisms",
        "column_headings": ["Country", "Year", "Kind"],
        "rows": [["Colombia", "1997", "Programme"], ["Mexico", "2012"]],
        "first_column_is_heading": True,
    }


def test_a_table_row_longer_than_its_headings_is_refused():
    block = TableBlock()
    value = block.to_python({"caption": "C", "column_headings": ["A"], "rows": [["1", "2"]]})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "rows" in error.value.block_errors


def test_accordion_opens_without_javascript_and_gives_html_answers_to_the_api():
    block = AccordionBlock()
    value = block.to_python(
        {"heading": "FAQ", "items": [{"question": "Who is a defender?", "answer": "<p>Anyone who acts.</p>"}]}
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.select_one("details summary").get_text() == "Who is a defender?"
    assert html.select("script") == []
    api = block.get_api_representation(value)
    assert api == {
        "heading": "FAQ",
        "items": [{"question": "Who is a defender?", "answer": "<p>Anyone who acts.</p>"}],
    }


def test_gallery_shows_each_image_with_its_caption_and_leaves_private_ones_out_of_the_api():
    public, private = CustomImageFactory(), CustomImageFactory()
    block = GalleryBlock()
    value = block.to_python(
        {
            "heading": "",
            "images": [
                {"image": public.pk, "caption": "At the hearing", "decorative": False, "alt_text": ""},
                {"image": private.pk, "caption": "Behind closed doors", "decorative": False, "alt_text": ""},
            ],
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert [caption.get_text(" ", strip=True) for caption in html.select("figcaption")][0].startswith(
        "At the hearing"
    )
    assert len(html.select("li img")) == 2
    with mock.patch("website.blocks.is_image_public", lambda image: image.pk == public.pk):
        api = block.get_api_representation(value)
    assert [image["caption"] for image in api["images"]] == ["At the hearing"]


def test_embed_names_what_the_visitor_will_open():
    html = render(
        ClickToLoadEmbedBlock(),
        {"url": "https://www.openstreetmap.org/#map=15/50.8/4.3", "title": "Office", "kind": "map"},
    )
    assert html.a.get_text() == "View the map on www.openstreetmap.org"
    assert html.select("iframe, script, img") == []


@pytest.mark.parametrize("name", list(BodyBlock.base_blocks))
def test_every_body_block_describes_itself_and_renders_its_preview(home, name):
    # Previews show the first image or document, and the newest publications.
    CustomImageFactory(), CustomDocumentFactory()
    ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home))
    block = BodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.label and block.meta.description
    value = block.get_preview_value()
    assert value is not None
    assert block.render(value).strip()


@pytest.fixture
def library(site_tree):
    english = ResourceIndexPageFactory(parent=site_tree["en"]["home"])
    report, manual = (
        ResourceTypeFactory(name="Report", slug="report"),
        ResourceTypeFactory(name="Manual", slug="manual"),
    )
    made = {}
    for title, kind, year in [
        ("Focus 2013", report, 2013),
        ("Focus 2017", report, 2017),
        ("Manual 2009", manual, 2009),
    ]:
        made[title] = ResourcePageFactory(
            parent=english, title=title, resource_type=kind, publication_date=datetime.date(year, 1, 1)
        )
    translate_page(english, "fr", title="Ressources", slug="ressources")
    made["Focus 2013 fr"] = translate_page(
        made["Focus 2013"], "fr", title="Focus 2013 (fr)", slug="focus-2013-fr"
    )
    return {"types": {"report": report, "manual": manual}, "pages": made}


def publication_list(**value):
    block = PublicationListBlock()
    defaults = {
        "heading": "",
        "publications": [],
        "resource_type": None,
        "topic": None,
        "programme": None,
        "limit": 6,
    }
    return block, block.to_python({**defaults, **value})


def test_publication_list_by_type_is_newest_first_in_the_page_language(library):
    block, value = publication_list(resource_type=library["types"]["report"].pk)
    with translation.override("fr"):
        html = BeautifulSoup(block.render(value), "html.parser")
        api = block.get_api_representation(value)
    assert [a.get_text() for a in html.select("h3 a")] == ["Focus 2017", "Focus 2013 (fr)"]
    assert html.select("h3 a")[0]["lang"] == "en"  # not translated: shown in English, marked
    assert [card["title"] for card in api["publications"]] == ["Focus 2017", "Focus 2013 (fr)"]
    assert [card["locale"] for card in api["publications"]] == ["en", "fr"]


def test_publication_list_of_chosen_items_keeps_their_order_and_drops_drafts(library):
    pages = library["pages"]
    pages["Focus 2017"].unpublish()
    block, value = publication_list(
        publications=[pages["Manual 2009"].pk, pages["Focus 2017"].pk, pages["Focus 2013"].pk], limit=6
    )
    api = block.get_api_representation(value)
    assert [card["title"] for card in api["publications"]] == ["Manual 2009", "Focus 2013"]


def test_the_empty_picker_the_list_starts_with_leaves_the_newest_of_a_type(library):
    """The editor chooses a type and leaves the one publication picker the block starts with empty."""
    block, value = publication_list(publications=[None], resource_type=library["types"]["manual"].pk)
    value = block.clean(value)
    assert list(value["publications"]) == []
    assert [card["title"] for card in block.get_api_representation(value)["publications"]] == ["Manual 2009"]


def test_an_empty_publication_list_is_refused_on_its_field():
    block, value = publication_list()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "publications" in error.value.block_errors


def list_block(values):
    """A ListBlock's data as the admin form posts it."""
    data = {"count": str(len(values))}
    for order, value in enumerate(values):
        data[str(order)] = {"type": "item", "value": value, "deleted": "", "order": str(order)}
    return data


def test_the_new_blocks_are_cleaned_and_saved_through_the_admin_form(admin_client, site_tree, library):
    image, other = CustomImageFactory(), CustomImageFactory()
    figure = {"alt_text": "", "decorative": "", "caption": "A hearing", "credit": ""}
    body = [
        (
            "table",
            {
                "caption": "Mechanisms",
                "column_headings": list_block(["Country", "Year"]),
                "rows": list_block([list_block(["Colombia", "1997"]), list_block(["Brazil", "2007"])]),
                "first_column_is_heading": "on",
            },
        ),
        (
            "accordion",
            {
                "heading": "FAQ",
                "items": list_block([{"question": "Who?", "answer": rich_text("<p>Anyone.</p>")}]),
            },
        ),
        (
            "gallery",
            {
                "heading": "",
                "images": list_block(
                    [{**figure, "image": str(image.pk)}, {**figure, "image": str(other.pk)}]
                ),
            },
        ),
        (
            "publication_list",
            {
                "heading": "Reports",
                "publications": list_block([]),
                "resource_type": str(library["types"]["report"].pk),
                "topic": "",
                "programme": "",
                "limit": "3",
            },
        ),
        ("embed", {"url": "https://www.openstreetmap.org/", "title": "Office", "kind": "map"}),
    ]
    response = post_add(admin_client, site_tree["en"]["index"], body)
    assert response.status_code == 302, response.context["form"].errors
    page = ProgrammePage.objects.get(slug="join-the-network").get_latest_revision_as_object()
    assert [block.block_type for block in page.body] == [name for name, _value in body]
    assert list(page.body[0].value["rows"][1]) == ["Brazil", "2007"]


def test_a_table_row_too_long_comes_back_as_an_error_on_the_block(admin_client, site_tree):
    table = {
        "caption": "Mechanisms",
        "column_headings": list_block(["Country"]),
        "rows": list_block([list_block(["Colombia", "1997"])]),
        "first_column_is_heading": "",
    }
    response = post_edit(admin_client, site_tree["en"]["programme"], [("table", table)])
    assert response.status_code == 200
    assert "rows" in json.dumps(block_errors(response))
