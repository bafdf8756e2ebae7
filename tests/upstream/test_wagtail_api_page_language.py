"""Links in API content lead to pages in the page's own language, whatever Accept-Language says."""

import pytest
from django.utils import translation
from wagtail.api.rich_text import APIRichText

from tests.upstream.canaries import assert_gap_remains

pytestmark = pytest.mark.django_db


def link_to(page, text="link"):
    return f'<p><a linktype="page" id="{page.pk}">{text}</a></p>'


@pytest.mark.parametrize("accept_language", ["en", "es", ""])
def test_internal_links_resolve_in_the_page_language(client, site_tree, accept_language):
    en, fr = site_tree["en"], site_tree["fr"]
    # As wagtail-localize copies them, translated links still point at the English pages.
    fr["index"].introduction = link_to(en["programme"])
    fr["index"].save_revision().publish()
    fr["programme"].body = [
        {"type": "paragraph", "value": link_to(en["index"])},
        {
            "type": "call_to_action",
            "value": {"heading": "Agir", "text": "", "link_text": "Voir", "page": en["index"].pk, "url": ""},
        },
    ]
    fr["programme"].save_revision().publish()
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}

    index = client.get("/api/v3/route/", {"path": fr["index"].url}, **headers).json()["page"]
    body = client.get(f"/api/v3/pages/{fr['programme'].pk}/", **headers).json()["body"]

    assert f'href="{fr["programme"].url}"' in index["introduction"]
    assert f'href="{fr["index"].url}"' in body[0]["value"]
    assert body[1]["value"]["url"] == fr["index"].url


def test_a_link_to_an_untranslated_page_keeps_its_language(client, site_tree):
    from programmes.factories import ProgrammePageFactory

    english_only = ProgrammePageFactory(parent=site_tree["en"]["index"], slug="only-english")
    fr = site_tree["fr"]["index"]
    fr.introduction = link_to(english_only)
    fr.save_revision().publish()

    index = client.get("/api/v3/route/", {"path": fr.url}).json()["page"]

    assert f'href="{english_only.url}"' in index["introduction"]


def test_rich_text_format_can_still_be_chosen(client, site_tree):
    fr = site_tree["fr"]["index"]
    fr.introduction = link_to(site_tree["en"]["programme"])
    fr.save_revision().publish()

    raw = client.get(f"/api/v3/pages/{fr.pk}/", {"rich_text_format": "db_html"}).json()

    assert 'linktype="page"' in raw["introduction"]


def test_markdown_links_lead_to_pages_in_the_page_language(client, site_tree):
    en, fr = site_tree["en"], site_tree["fr"]
    fr["index"].introduction = link_to(en["programme"], "Plaidoyer") + link_to(en["index"], "Accueil")
    fr["index"].save_revision().publish()

    markdown = client.get(f"/api/v3/pages/{fr['index'].pk}/", {"rich_text_format": "markdown"}).json()

    assert f"[Plaidoyer]({fr['programme'].url})" in markdown["introduction"]
    assert f"[Accueil]({fr['index'].url})" in markdown["introduction"]
    assert "/en/" not in markdown["introduction"]


def test_markdown_keeps_a_link_to_a_page_with_no_live_translation(client, site_tree):
    from programmes.factories import ProgrammePageFactory

    english_only = ProgrammePageFactory(parent=site_tree["en"]["index"], slug="only-english")
    fr = site_tree["fr"]["index"]
    fr.introduction = link_to(english_only, "English only")
    fr.save_revision().publish()

    markdown = client.get(f"/api/v3/pages/{fr.pk}/", {"rich_text_format": "markdown"}).json()

    assert f"[English only]({english_only.url})" in markdown["introduction"]


def test_canary_v3_still_renders_links_in_the_active_language(site_tree):
    en, fr = site_tree["en"], site_tree["fr"]
    with translation.override("en"):  # what v3 leaves active for an English-speaking caller
        text = APIRichText.serialize(link_to(en["programme"]), format=APIRichText.FORMAT_HTML)
    assert_gap_remains(
        f'href="{fr["programme"].url}"' not in text,
        gap="API v3 rendering a page's links in the request's language instead of the page's",
        module="wagtail_api_page_language",
    )
