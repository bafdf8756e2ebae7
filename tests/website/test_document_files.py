"""Documents are what they claim to be, and a PDF keeps nothing about the people who made it."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas
from wagtail.models import Collection

from tests.headless.conftest import bearer
from website.models import CustomDocument, CustomImage, User

pytestmark = pytest.mark.django_db

SECRETS = (b"Maria Lopez", b"Word for Mac", b"Quartz", b"Safe house draft", b"xmpmeta")
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Maria Lopez</dc:creator></x:xmpmeta>'


def pdf_with_metadata():
    """A real PDF: its tools' metadata, XMP, and an earlier revision kept by an incremental save."""
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, "Protection manual, chapter one")
    document.showPage()
    document.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_metadata({"/Author": "Maria Lopez", "/Creator": "Word for Mac", "/Producer": "Quartz"})
    writer.add_metadata({"/Subject": "Safe house draft"})
    writer.xmp_metadata = XMP
    first = io.BytesIO()
    writer.write(first)
    # An incremental update: the earlier revision (the draft subject) stays in the file.
    update = PdfWriter(io.BytesIO(first.getvalue()), incremental=True)
    update.add_metadata({"/Subject": "Protection manual"})
    final = io.BytesIO()
    update.write(final)
    data = final.getvalue()
    assert all(secret in data for secret in SECRETS), "the file carries what a tool wrote"
    return data


def assert_nothing_about_its_makers(data):
    reader = PdfReader(io.BytesIO(data))
    assert not reader.metadata, "no author, creator tool, producer or subject"
    assert reader.xmp_metadata is None
    for secret in SECRETS:
        assert secret not in data, secret
    assert data.count(b"%%EOF") == 1, "one revision: the earlier ones are gone"
    assert "Protection manual, chapter one" in reader.pages[0].extract_text(), "the content stays"


def collection():
    return Collection.get_first_root_node().pk


def add(client, name, data, title="Manual"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, data), "collection": collection()},
    )


def stored(document):
    with document.file.open() as file:
        return file.read()


def test_a_pdf_uploaded_in_the_admin_loses_its_author_tools_xmp_and_history(admin_client):
    response = add(admin_client, "manual.pdf", pdf_with_metadata())

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    document = CustomDocument.objects.get(title="Manual")
    data = stored(document)
    assert_nothing_about_its_makers(data)
    assert document.file_size == len(data)

    # What a visitor downloads is that file.
    download = admin_client.get(document.url)
    assert_nothing_about_its_makers(b"".join(download.streaming_content))


def test_a_pdf_uploaded_several_at_a_time_loses_them_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("manual.pdf", pdf_with_metadata()), "collection": collection()},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    assert_nothing_about_its_makers(stored(CustomDocument.objects.get()))


def test_a_pdf_sent_to_the_api_loses_them_and_the_api_never_names_its_uploader(client):
    admin = User.objects.create_superuser("maria.lopez", "maria@example.org", "unused-password")
    response = client.post(
        "/api/v3/documents/",
        {"file": SimpleUploadedFile("manual.pdf", pdf_with_metadata()), "title": "Manual"},
        **bearer(admin),
    )
    assert response.status_code == 201, response.content
    document = CustomDocument.objects.get()
    assert_nothing_about_its_makers(stored(document))
    for url in (f"/api/v3/documents/{document.pk}/", "/api/v3/documents/"):
        body = client.get(url).content
        assert b"maria" not in body.lower() and b"uploaded_by" not in body


FAKES = [
    (
        "an SVG named .pdf",
        "manual.pdf",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    ("a web page named .txt", "notes.txt", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ("an SVG named .txt", "notes.txt", b'\xef\xbb\xbf <svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ("a program named .docx", "report.docx", b"MZ\x90\x00\x03" + b"\x00" * 64),
    ("a PDF named .csv", "figures.csv", b"%PDF-1.7\n"),
    ("an RTF that is not", "letter.rtf", b"Dear minister"),
]


@pytest.mark.parametrize("case,name,data", FAKES, ids=[case for case, _name, _data in FAKES])
def test_a_file_that_is_not_what_its_extension_says_is_refused_with_a_clear_message(
    admin_client, case, name, data
):
    response = add(admin_client, name, data)

    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert response.context["form"].errors["file"] == [
        f"This file is not a real .{extension} file: its content is something else."
    ]
    assert not CustomDocument.objects.exists()


def test_svg_is_refused_as_a_document_and_as_an_image(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add(admin_client, "logo.svg", svg)
    assert "file" in response.context["form"].errors
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", svg), "decorative": "on"},
    )
    assert "file" in response.context["form"].errors
    assert not CustomDocument.objects.exists() and not CustomImage.objects.exists()


def test_a_broken_or_password_protected_pdf_is_refused_with_what_to_do(admin_client):
    response = add(admin_client, "manual.pdf", b"%PDF-1.4\n" + b"x" * 200)
    assert response.context["form"].errors["file"] == [
        "This PDF cannot be read. Save it again from the application that made it, then upload it."
    ]
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt(user_password="open-sesame", owner_password="owner")
    protected = io.BytesIO()
    writer.write(protected)
    response = add(admin_client, "manual.pdf", protected.getvalue())
    assert response.context["form"].errors["file"] == [
        "This PDF is protected by a password. Remove the protection, then upload it again."
    ]


def test_real_office_text_and_zip_files_are_accepted(admin_client):
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    for name, data in [
        ("report.docx", zipped.getvalue()),
        ("figures.csv", b"country,alerts\nThailand,12\n"),
        ("letter.rtf", b"{\\rtf1 Dear minister}"),
    ]:
        response = add(admin_client, name, data, title=name)
        assert response.status_code == 302, (name, response.context["form"].errors)
    assert CustomDocument.objects.count() == 3


def test_a_refused_replacement_keeps_the_stored_file(admin_client):
    add(admin_client, "manual.pdf", pdf_with_metadata())
    document = CustomDocument.objects.get()
    before = stored(document)

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Manual",
            "file": SimpleUploadedFile("manual.pdf", b"<svg></svg>"),
            "collection": collection(),
        },
    )

    assert response.status_code == 200 and "file" in response.context["form"].errors
    document.refresh_from_db()
    assert stored(document) == before


def test_a_fake_pdf_sent_to_the_api_is_a_4xx_and_nothing_is_stored(client):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    response = client.post(
        "/api/v3/documents/",
        {"file": SimpleUploadedFile("manual.pdf", b"<svg></svg>"), "title": "Manual"},
        **bearer(admin),
    )
    assert 400 <= response.status_code < 500
    assert b"not a real .pdf file" in response.content
    assert not CustomDocument.objects.exists()


# Huge images ------------------------------------------------------------------------------


def png_claiming(width, height):
    """A few hundred bytes that claim `width` × `height` pixels: a decompression bomb's header."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("width,height", [(8000, 8000), (60000, 60000)])
def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(admin_client, width, height):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bomb",
            "file": SimpleUploadedFile("bomb.png", png_claiming(width, height)),
            "decorative": "on",
        },
    )

    assert response.status_code == 200
    [message] = response.context["form"].errors["file"]
    assert message.startswith("This file has too many pixels")
    assert not CustomImage.objects.exists()


def test_an_image_too_large_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100  # the 20 MB limit, scaled down
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Big",
            "file": SimpleUploadedFile("big.png", png_claiming(10, 10) + b"\x00" * 200),
            "decorative": "on",
        },
    )
    assert response.context["form"].errors["file"][0].startswith("This file is too big")
