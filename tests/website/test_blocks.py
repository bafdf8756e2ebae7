import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.models import ProgrammePage
from website.blocks import ClickToLoadEmbedBlock, DocumentLinkBlock, ImageBlock
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
