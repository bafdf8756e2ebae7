"""From the translation status report: what a user may open, and starting a missing translation (item 15)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from programmes.factories import ProgrammePageFactory

from .conftest import assert_refused, login

pytestmark = pytest.mark.django_db


def report(client, **params):
    response = client.get(reverse("translation_status"), params)
    assert response.status_code == 200
    return response.content.decode()


def row(html, source_id, language):
    found = re.search(
        rf'<tr class="translation-status"[^>]*data-language="{language}" data-source-id="{source_id}">(.*?)</tr>',
        html,
        re.S,
    )
    assert found, f"no row for {source_id} in {language}"
    return found.group(1)


def title_cell(row_html):
    return re.search(r"<td>(.*?)</td>", row_html, re.S).group(1)


def start_url(page, language):
    return reverse("translation_start", args=[page.pk, language])


def test_the_report_header_names_the_report(client, users, roles):
    html = report(login(client, users["translator-fr"]))
    breadcrumbs = re.search(r'<nav[^>]*aria-label="Breadcrumb".*?</nav>', html, re.S).group(0)
    assert "Translation status" in breadcrumbs


def test_titles_lead_where_the_user_may_go(client, users, roles, eu_guidelines):
    programme = roles["en"]["programme"]  # translated into French
    french_programme = roles["fr"]["programme"]

    html = report(login(client, users["translator-fr"]), language="fr")
    # The French translation: its own edit view, not the English page they may not open.
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[french_programme.pk])}"' in title_cell(
        row(html, programme.pk, "fr")
    )
    # Missing in French: nothing of theirs to open, so plain text.
    assert "<a " not in title_cell(row(html, eu_guidelines.pk, "fr"))
    assert eu_guidelines.title in title_cell(row(html, eu_guidelines.pk, "fr"))

    html = report(login(client, users["editor"]), language="fr")
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[eu_guidelines.pk])}"' in title_cell(
        row(html, eu_guidelines.pk, "fr")
    )
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[programme.pk])}"' in title_cell(
        row(html, programme.pk, "fr")
    )


def test_a_translator_starts_a_missing_translation_into_their_language(client, users, roles, eu_guidelines):
    login(client, users["translator-fr"])
    html = report(client, language="fr", status="missing")
    assert f'action="{start_url(eu_guidelines, "fr")}"' in row(html, eu_guidelines.pk, "fr")

    response = client.post(start_url(eu_guidelines, "fr"))
    french_locale = Locale.objects.get(language_code="fr")
    french = eu_guidelines.get_translation(french_locale)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert Translation.objects.filter(
        source__object_id=eu_guidelines.translation_key, target_locale=french_locale, enabled=True
    ).exists()
    assert not french.live  # a draft until a moderator approves it
    editor = client.get(response["Location"])
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]


def test_a_translator_may_not_start_a_translation_into_another_language(client, users, roles, eu_guidelines):
    login(client, users["translator-es"])
    assert f'action="{start_url(eu_guidelines, "fr")}"' not in report(client, language="fr")
    assert_refused(client.post(start_url(eu_guidelines, "fr")))
    assert eu_guidelines.get_translation_or_none(Locale.objects.get(language_code="fr")) is None
    assert client.get(start_url(eu_guidelines, "es")).status_code == 405


def test_editors_send_pages_for_translation_rather_than_start_them(client, users, roles, eu_guidelines):
    html = report(login(client, users["editor"]), language="fr", status="missing")
    assert "Start translation" not in row(html, eu_guidelines.pk, "fr")


def test_a_page_whose_parent_is_not_translated_waits_for_its_parent(client, users, roles, eu_guidelines):
    child = ProgrammePageFactory(parent=eu_guidelines, title="A child", slug="a-child")
    login(client, users["translator-fr"])
    html = report(client, language="fr", status="missing")
    assert "Start translation" not in row(html, child.pk, "fr")
    assert "Translate its parent page first." in row(html, child.pk, "fr")

    response = client.post(start_url(child, "fr"), follow=True)
    assert "first." in response.content.decode()
    assert not Page.objects.filter(translation_key=child.translation_key, locale__language_code="fr").exists()
