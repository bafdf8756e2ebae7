"""No page reaches visitors with a placeholder left in: publishing refuses it, a draft keeps it."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from website.publishing import PLACEHOLDER

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(site_tree):
    return ProgrammePageFactory(parent=site_tree["en"]["index"], title="Parliamentary network", slug="mps")


def post_edit(client, page, paragraph, action=None):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
        "people": streamfield([]),  # the programme page's people (people/)
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    with translation.override("en"):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_publishing_or_sending_for_review_a_page_with_a_placeholder_is_refused(
    admin_client, programme, action
):
    response = post_edit(admin_client, programme, "MPs met defenders. [Insert photo of the meeting]", action)
    assert response.status_code == 200  # the form again, nothing published
    # Shown on the field that holds it (the StreamField draws it above its blocks).
    assert response.context["form"].errors["body"] == [
        "Replace the placeholder “[Insert photo of the meeting]” before publishing; a draft may keep it."
    ]
    programme.refresh_from_db()
    assert "[Insert" not in str(programme.body)
    assert not programme.has_unpublished_changes


def test_a_draft_may_keep_its_placeholder(admin_client, programme):
    response = post_edit(admin_client, programme, "MPs met defenders. [Insert photo of the meeting]")
    assert response.status_code == 302
    draft = ProgrammePage.objects.get(pk=programme.pk).get_latest_revision_as_object()
    assert "[Insert photo of the meeting]" in str(draft.body)


def test_a_page_without_placeholders_is_published(admin_client, programme):
    response = post_edit(admin_client, programme, "MPs met defenders [1] in Brussels.", "action-publish")
    assert response.status_code == 302
    programme.refresh_from_db()
    assert "Brussels" in str(programme.body)


@pytest.mark.parametrize(
    "text",
    [
        "[Insert photo]",
        "[ TBC ]",
        "[à compléter]",
        "[Insérer la photo]",
        "[añadir cifra]",
        "Lorem ipsum dolor",
    ],
)
def test_placeholders_in_each_language_are_recognised(text):
    assert PLACEHOLDER.search(f"Text {text} more")


@pytest.mark.parametrize("text", ["[1]", "[sic]", "A/RES/53/144 [adopted]", "[the Declaration]"])
def test_ordinary_brackets_are_not_placeholders(text):
    assert not PLACEHOLDER.search(text)
