"""Who may delete a page that is not live: its owner, moderators and administrators; no other editor."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from programmes.factories import ProgrammePageFactory

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(roles):
    return make_user("colleague", "Editors")


def draft_by(owner, parent):
    page = ProgrammePageFactory(parent=parent, title=f"Draft by {owner}", slug=f"draft-{owner}", live=False)
    page.owner = owner
    page.save()
    return page


def test_an_editor_cannot_delete_a_colleagues_draft(client, editor, colleague, roles):
    draft = draft_by(colleague, roles["en"]["index"])
    assert not draft.permissions_for_user(editor).can_delete()
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert Page.objects.filter(pk=draft.pk).exists()


def test_an_editor_deletes_their_own_draft(client, editor, roles):
    draft = draft_by(editor, roles["en"]["index"])
    assert draft.permissions_for_user(editor).can_delete()
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_a_moderator_deletes_an_editors_draft(client, moderator, colleague, roles):
    draft = draft_by(colleague, roles["en"]["index"])
    client.force_login(moderator)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_bulk_delete_skips_a_colleagues_draft(client, editor, colleague, roles):
    draft = draft_by(colleague, roles["en"]["index"])
    client.force_login(editor)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        + f"?id={draft.pk}&next=/admin/"
    )
    client.post(url)
    assert Page.objects.filter(pk=draft.pk).exists()
