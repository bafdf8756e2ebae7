import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from programmes.models import Institution, ProgrammePage
from resources.models import ResourceFile, ResourcePage
from website.models import CustomDocument, CustomImage

User = get_user_model()
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "institutions": Institution.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "users": get_user_model().objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
        "documents": CustomDocument.objects.count(),
        "images": CustomImage.objects.count(),
        "files": ResourceFile.objects.count(),
    }


def test_demo_loads_five_programmes_in_three_languages_through_wagtail_localize(client):
    for language in ("en", "fr", "es"):
        assert ProgrammePage.objects.live().filter(locale__language_code=language).count() == 5
    french = ProgrammePage.objects.get(
        locale__language_code="fr", slug="orientations-de-l-ue-sur-les-defenseurs"
    )
    english = french.get_translation(french.locale.get_default())
    assert english.slug == "eu-guidelines-on-defenders"
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale=french.locale
    ).exists()
    html = client.get(french.url).content.decode()
    assert "Orientations" in html and "Guidelines tell EU diplomats" not in html
    assert "Le Conseil adopte les Orientations" in html  # a key fact, inside a list block
    assert client.get("/es/").status_code == 200


@pytest.mark.parametrize("language", ["pt", "ar"])
def test_the_languages_added_later_have_the_home_page_the_programmes_and_publications(client, language):
    """Issue 18: each written in the language and linked to its English source by wagtail-localize."""
    programmes = ProgrammePage.objects.live().filter(locale__language_code=language)
    assert programmes.count() == 5
    publications = ResourcePage.objects.live().filter(locale__language_code=language)
    assert publications.count() >= 5
    for page in [*programmes, *publications]:
        english = page.get_translation(page.locale.get_default())
        assert Translation.objects.filter(
            source__object_id=english.translation_key, target_locale=page.locale
        ).exists()
        assert page.title != english.title
    assert client.get(f"/{language}/").status_code == 200
    assert User.objects.get(username=f"translator-{language}").groups.exists()


def test_demo_loader_is_idempotent():
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first
    assert first["users"] >= 1
