"""An image's alt text reaches translators, and each language's page and API show their own."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from conftest import build_site_tree
from programmes.factories import ProgrammePageFactory
from resources.factories import ResourcePageFactory
from tests.resources.conftest import build_library_tree, build_taxonomy
from tests.translations.conftest import ROLE_GROUPS, login, make_user
from tests.upstream.canaries import assert_gap_remains
from translations.roles import setup_roles
from upstream.localize_image_alt_text import UPSTREAM_EXTRACT_SEGMENTS
from website.demo import save_translation
from website.factories import CustomImageFactory

pytestmark = pytest.mark.django_db

ALT = "Defenders meeting members of parliament"
FRENCH_ALT = "Des défenseurs rencontrent des parlementaires"


@pytest.fixture
def image():
    return CustomImageFactory(alt_text=ALT)


def image_block(image, alt_text="", decorative=False):
    value = {"image": image.pk, "alt_text": alt_text, "decorative": decorative, "caption": "", "credit": ""}
    return {"type": "image", "value": value}


def segments(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return [
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related("context", "string")
    ]


def translate_in_admin(client, users, page, texts):
    """The editor sends `page` for French translation, the French translator fills every segment
    (`texts`, else "FR …"), and the translation is published as a moderator's approval does."""
    french = Locale.objects.get(language_code="fr")
    login(client, users["editor"]).post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [french.pk]}
    )
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=french)
    login(client, users["translator-fr"])
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = segment.string.data
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": texts.get(text, f"FR {text}")}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
    client.logout()
    return save_translation(translation).specific


def api_page(client, page):
    response = client.get("/api/v3/route/", {"path": page.url}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    return response.json()["page"]


def test_an_alt_text_left_to_the_image_is_a_segment_of_the_page(site_tree, image):
    page = ProgrammePageFactory(
        parent=site_tree["en"]["index"],
        hero_image=image,
        body=[
            image_block(image),
            image_block(image, alt_text="Our own words"),
            image_block(image, decorative=True),
        ],
    )
    blocks = [block.id for block in page.body]

    found = segments(page)

    assert ("hero_alt_text", ALT) in found
    assert (f"body.{blocks[0]}.alt_text", ALT) in found
    assert (f"body.{blocks[1]}.alt_text", "Our own words") in found
    assert not [path for path, _text in found if path.startswith(f"body.{blocks[2]}")]
    # The English page keeps following its image's alt text.
    assert Page.objects.get(pk=page.pk).specific.hero_alt_text == ""


def test_a_french_programme_page_shows_french_alt_text_in_html_and_api(client, users, roles, image):
    page = ProgrammePageFactory(
        parent=roles["en"]["index"],
        title="Parliaments",
        slug="parliaments",
        hero_image=image,
        body=[image_block(image), {"type": "paragraph", "value": "<p>Defenders meet MPs.</p>"}],
    )
    page.save_revision().publish()

    french = translate_in_admin(client, users, page, {ALT: FRENCH_ALT})

    html = client.get(french.url).content.decode()
    assert html.count(f'alt="{FRENCH_ALT}"') == 2  # the hero and the image block
    assert ALT not in html
    detail = api_page(client, french)
    assert detail["hero_image"]["alt"] == FRENCH_ALT
    assert detail["hero"]["alt"] == FRENCH_ALT
    assert detail["body"][0]["value"]["alt"] == FRENCH_ALT
    # English stays English.
    english = api_page(client, page)
    assert english["hero_image"]["alt"] == ALT
    assert english["body"][0]["value"]["alt"] == ALT
    assert client.get(page.url).content.decode().count(f'alt="{ALT}"') == 2


@pytest.fixture
def site_tree():
    """Built per test here: the library's site below translates the same home, so the two
    cannot share a module-wide tree."""
    return build_site_tree()


@pytest.fixture
def roles(site_tree):
    """Per test too, on this module's tree (the shared `roles` sets them up on the module-wide one)."""
    setup_roles()
    return site_tree


@pytest.fixture
def library():
    """The resource library's site in every language, with the roles on it (the `users` fixture
    builds a site of its own)."""
    tree = build_library_tree(build_taxonomy())
    setup_roles()
    return tree, {name: make_user(name, group) for name, group in ROLE_GROUPS.items()}


def test_a_french_publication_shows_its_cover_in_french(client, library, image):
    tree, users = library
    page = ResourcePageFactory(
        parent=tree["en"]["library"],
        title="Protection manual",
        slug="protection-manual",
        cover_image=image,
        resource_type=tree["taxonomy"]["manual"],
    )
    page.save_revision().publish()

    french = translate_in_admin(client, users, page, {ALT: FRENCH_ALT})

    html = client.get(french.url).content.decode()
    assert f'alt="{FRENCH_ALT}"' in html
    assert ALT not in html
    assert api_page(client, french)["cover_image"]["alt"] == FRENCH_ALT
    assert api_page(client, page)["cover_image"]["alt"] == ALT


def test_canary_wagtail_localize_still_skips_the_alt_text_an_image_provides(site_tree, image):
    page = ProgrammePageFactory(parent=site_tree["en"]["index"], hero_image=image, body=[image_block(image)])

    segments = UPSTREAM_EXTRACT_SEGMENTS(page)

    assert_gap_remains(
        not any(getattr(segment, "path", "").endswith("alt_text") for segment in segments),
        gap="segment extraction leaving out the alt text an image provides",
        module="localize_image_alt_text",
    )
