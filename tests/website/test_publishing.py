"""No page reaches visitors with a placeholder left in: publishing refuses it, a draft keeps it."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from tests.headless.conftest import bearer
from website.models import User
from website.publishing import PLACEHOLDER, PlaceholderError

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


# Every other way to publish goes through the same check (PlaceholderCheckedPublishAction).


def with_placeholder_draft(page, text="[TBC] quote from the defender"):
    page.summary = text
    return page.save_revision()


def test_publishing_a_revision_with_a_placeholder_in_code_is_refused_and_the_draft_kept(programme):
    revision = with_placeholder_draft(programme)
    with pytest.raises(PlaceholderError) as refused:
        revision.publish()
    assert refused.value.placeholder == "[TBC]"
    page = ProgrammePage.objects.get(pk=programme.pk)
    assert "[TBC]" not in page.summary
    assert page.get_latest_revision().pk == revision.pk  # nothing stored is lost


def test_an_api_patch_that_publishes_a_placeholder_answers_422_with_the_message(client, programme):
    admin = User.objects.create_superuser("api-admin", "api-admin@example.org", "unused-password")
    response = client.patch(
        f"/api/v3/pages/{programme.pk}/",
        json.dumps({"meta": {"action": "publish"}, "summary": "Meeting in Brussels. [Insert photo here]"}),
        content_type="application/json",
        **bearer(admin),
    )
    assert response.status_code == 422, response.content
    assert "[Insert photo here]" in response.json()["errors"][0]["msg"]
    assert "[Insert" not in ProgrammePage.objects.get(pk=programme.pk).summary


def test_the_api_publish_action_refuses_a_draft_with_a_placeholder(client, programme):
    admin = User.objects.create_superuser("api-admin", "api-admin@example.org", "unused-password")
    with_placeholder_draft(programme)
    response = client.post(f"/api/v3/pages/{programme.pk}/actions/publish/", **bearer(admin))
    assert response.status_code == 422, response.content
    assert "[TBC]" in response.json()["errors"][0]["msg"]
    assert "[TBC]" not in ProgrammePage.objects.get(pk=programme.pk).summary


def test_the_api_still_publishes_a_clean_draft(client, programme):
    admin = User.objects.create_superuser("api-admin", "api-admin@example.org", "unused-password")
    response = client.patch(
        f"/api/v3/pages/{programme.pk}/",
        json.dumps({"meta": {"action": "publish"}, "summary": "Meeting in Brussels."}),
        content_type="application/json",
        **bearer(admin),
    )
    assert response.status_code == 200, response.content
    assert ProgrammePage.objects.get(pk=programme.pk).summary == "Meeting in Brussels."


def bulk_publish(client, *pages, include_descendants=False):
    query = "&".join(f"id={page.pk}" for page in pages)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?{query}&next=/admin/"
    data = {"include_descendants": "on"} if include_descendants else {}
    with translation.override("en"):
        return client.post(url, data, follow=True)


def test_bulk_publish_refuses_all_when_one_page_holds_a_placeholder(admin_client, site_tree, programme):
    other = ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Regional commissions", slug="regional"
    )
    other.summary = "Clean change."
    other.save_revision()
    with_placeholder_draft(programme)

    response = bulk_publish(admin_client, other, programme)

    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("Parliamentary network" in message and "[TBC]" in message for message in shown), shown
    assert ProgrammePage.objects.get(pk=other.pk).summary != "Clean change."
    assert "[TBC]" not in ProgrammePage.objects.get(pk=programme.pk).summary


def test_bulk_publish_of_clean_pages_still_publishes(admin_client, programme):
    programme.summary = "Clean change."
    programme.save_revision()
    bulk_publish(admin_client, programme)
    assert ProgrammePage.objects.get(pk=programme.pk).summary == "Clean change."


def test_scheduled_publishing_of_a_placeholder_is_cancelled_and_logged(programme):
    revision = with_placeholder_draft(programme)
    # Scheduled before the check existed: written straight to the schedule.
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    ProgrammePage.objects.filter(pk=programme.pk).update(go_live_at=revision.approved_go_live_at)

    call_command("publish_scheduled", stdout=StringIO())

    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert "[TBC]" not in ProgrammePage.objects.get(pk=programme.pk).summary
    assert PageLogEntry.objects.filter(page=programme, action="website.publish_refused").exists()


def test_scheduling_a_placeholder_for_later_is_refused(programme):
    programme.summary = "[TBC]"
    programme.go_live_at = timezone.now() + timedelta(days=1)
    revision = programme.save_revision()
    with pytest.raises(PlaceholderError):
        revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
