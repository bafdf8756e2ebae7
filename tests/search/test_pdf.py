import io

import pytest
from django.core.files.base import ContentFile
from reportlab.pdfgen import canvas
from wagtail.models import Collection, CollectionViewRestriction, Locale
from wagtail.search.backends import get_search_backend

from resources.factories import ResourceFileFactory, ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourcePage
from search.pdf import extract_pdf_text
from website.models import CustomDocument

pytestmark = pytest.mark.django_db

PHRASE = "Chapter three explains how a protection desk answers an urgent alert"


def pdf_bytes(*pages):
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for text in pages:
        document.drawString(72, 720, text)
        document.showPage()
    document.save()
    return buffer.getvalue()


def test_extracts_text_from_every_page():
    text = extract_pdf_text(io.BytesIO(pdf_bytes("Cover page", PHRASE)))
    assert "Cover page" in text and PHRASE in text


def test_unreadable_pdf_gives_empty_text():
    assert extract_pdf_text(io.BytesIO(b"%PDF-1.4 not really")) == ""


def found(query):
    locale = Locale.objects.get(language_code="en")
    return {p.pk for p in get_search_backend("en").search(query, ResourcePage.objects.filter(locale=locale))}


def upload(collection=None):
    document = CustomDocument(title="Manual", collection=collection or Collection.get_first_root_node())
    document.file.save("manual.pdf", ContentFile(pdf_bytes("Protection manual", PHRASE)), save=False)
    document.save()
    return document


def test_a_phrase_inside_the_pdf_finds_its_publication(home, django_capture_on_commit_callbacks, client):
    library = ResourceIndexPageFactory(parent=home)
    publication = ResourcePageFactory(parent=library, title="Protection manual")
    with django_capture_on_commit_callbacks(execute=True):
        document = upload()
        ResourceFileFactory(page=publication, document=document, language="en")
        publication.save_revision().publish()
    document.refresh_from_db()
    assert PHRASE in document.extracted_text
    assert found("urgent alert answers") == {publication.pk}
    html = client.get("/en/search/", {"q": "urgent alert"}).content.decode()
    assert "Protection manual" in html and "<mark>urgent</mark>" in html


def test_pdf_in_a_private_collection_is_not_searchable(home, django_capture_on_commit_callbacks):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    library = ResourceIndexPageFactory(parent=home)
    publication = ResourcePageFactory(parent=library, title="Protection manual")
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(private)
        ResourceFileFactory(page=publication, document=document, language="en")
        publication.save_revision().publish()
    assert found("urgent alert") == set()
    assert found("protection manual") == {publication.pk}
