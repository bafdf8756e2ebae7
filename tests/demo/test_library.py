import io

import pytest
from pypdf import PdfReader

from programmes.models import ProgrammePage
from resources.models import ResourcePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_demo_library_real_publications_in_their_real_languages(client):
    for language in ("en", "fr", "es"):
        assert ResourcePage.objects.live().filter(locale__language_code=language).count() >= 15
    thai = ResourcePage.objects.get(
        locale__language_code="fr", slug__startswith="manuel-de-protection-pour-les-def"
    )
    assert {f.language for f in thai.facts.files.all()} == {"th"}
    html = client.get(thai.url).content.decode()
    assert "Uniquement en thaï" in html and 'alt="Couverture de' in html
    spanish_only = ResourcePage.objects.get(locale__language_code="en", slug="taking-care-of-us")
    assert {f.language for f in spanish_only.files.all()} == {"es"}
    declaration = ResourcePage.objects.get(
        locale__language_code="en", slug="un-declaration-on-human-rights-defenders"
    )
    assert declaration.identifiers.get().value == "A/RES/53/144"
    assert {f.language for f in declaration.files.all()} == {"en", "fr", "es", "ar", "zh", "ru"}
    reader = PdfReader(io.BytesIO(declaration.files.first().document.file.read()))
    assert 2 <= len(reader.pages) <= 3
    assert "printed copy of resolution 53/144" in " ".join(reader.pages[-1].extract_text().split())
    for programme in ProgrammePage.objects.live().filter(locale__language_code="fr"):
        assert 'id="publications-heading"' in client.get(programme.url).content.decode(), programme.slug
    response = client.get("/es/recursos/?type=manual")
    assert response.status_code == 200 and "Cuidarnos" in response.content.decode()
