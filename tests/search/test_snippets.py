import pytest

from resources.factories import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from search.query import run_search
from search.snippets import highlight, highlight_terms, stream_text, term_patterns
from website.models import CustomDocument


class Stream:
    def __init__(self, raw_data):
        self.raw_data = raw_data


def marks(text, terms, language="en"):
    return highlight(text, term_patterns(highlight_terms(terms, language)))


def test_stream_text_keeps_prose_and_drops_block_ids():
    stream = Stream(
        [
            {
                "type": "paragraph",
                "value": "<p>Sirve a las personas defensores.</p><p>La Asamblea General</p>",
            },
            {
                "type": "people",
                "id": "4b1f9a52-0c55-4c36-a2f1-6c0b0f1e2d3a",
                "value": [
                    {
                        "type": "item",
                        "id": "24dc7262-9740-4d4b-9a55-3f0b1c2d4e5f",
                        "value": {"name": "Margaret Sekaggya", "role": "Relatora Especial"},
                    }
                ],
            },
            {"type": "embed", "value": "https://www.example.org/a-very-long-address-without-any-spaces"},
        ]
    )
    text = stream_text(stream)
    assert "defensores. La Asamblea" in text
    assert "Margaret Sekaggya Relatora Especial" in text
    assert "24dc7262" not in text and "4b1f9a52" not in text and "https://" not in text


def test_stop_words_are_not_marked():
    html = marks("The protection of the defenders", ["the", "defenders"])
    assert "<mark>The</mark>" not in html and "<mark>the</mark>" not in html
    assert "<mark>defenders</mark>" in html
    # A query of stop words only still shows what it matched.
    assert "<mark>the</mark>" in marks("the", ["the"])


def test_identifiers_and_numbers_are_marked_whole():
    html = marks("ISBN 978-2-930539-41-6, second edition", ["978-2-930539-41-6"])
    assert "<mark>978-2-930539-41-6</mark>," in html


def test_inflected_and_other_gender_forms_are_marked():
    html = marks("Les défenseurs et les mécanismes nationaux", ["défenseuses", "mécanisme"], "fr")
    assert "<mark>défenseurs</mark>" in html and "<mark>mécanismes</mark>" in html


def test_the_passage_with_the_most_terms_is_shown():
    text = "Protection " + "filler words here " * 40 + "Defenders carry a printed copy of resolution 53/144."
    html = marks(text, ["printed", "copy", "resolution", "53/144"])
    assert html.startswith("…")
    assert "<mark>printed</mark> <mark>copy</mark> of <mark>resolution</mark> <mark>53/144</mark>" in html


def test_text_is_escaped():
    assert marks("<script>alert(1)</script> defenders", ["defenders"]).startswith("&lt;script&gt;")


@pytest.mark.django_db
def test_a_hit_found_through_its_pdf_shows_the_pdf_passage(home, django_capture_on_commit_callbacks):
    library = ResourceIndexPageFactory(parent=home)
    page = ResourcePageFactory(parent=library, title="Manual", summary="A manual on protection desks.")
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory()
    CustomDocument.objects.filter(pk=document.pk).update(
        extracted_text="Chapter one. " * 30
        + "Chapter three explains how a protection desk answers an urgent alert."
    )
    ResourceFileFactory(page=page, document=document, language="en")
    page.save_revision().publish()
    hit = run_search({"q": "protection desk urgent alert"}, "en", record=False).hits[0]
    assert "<mark>urgent</mark> <mark>alert</mark>" in hit.snippet
    assert "A manual on" not in hit.snippet
