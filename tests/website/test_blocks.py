import pytest
from bs4 import BeautifulSoup

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
