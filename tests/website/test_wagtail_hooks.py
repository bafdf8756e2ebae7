"""The page editor's footer, as each role sees it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from translations.roles import EDITORS, MODERATORS, translator_group_name

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = get_user_model().objects.create_user(
        username=group_name.lower().replace(" ", "-"), password="pass-for-tests", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def footer_actions(client, url):
    """The main button's action, then those under the arrow."""
    with translation.override("en"):
        response = client.get(url)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html.parser").select_one("footer .w-dropdown-button")
    main = footer.find("button", recursive=False)
    others = [button.get("name") for button in footer.select("[data-w-dropdown-target='content'] button")]
    return main.get("name"), others, footer


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", index.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("view", ["add", "edit"])
def test_submitting_for_review_is_the_main_action_for_an_editor(client, roles, view):
    client.force_login(member_of(EDITORS))
    url = add_url(roles["en"]["index"]) if view == "add" else edit_url(roles["en"]["programme"])
    main, others, _footer = footer_actions(client, url)
    assert main == "action-submit"
    assert "action-publish" not in others
    assert None in others  # "Save draft" (a button with no name) is still there, under the arrow


def test_submitting_for_review_is_the_main_action_for_a_translator_of_their_own_page(client, roles):
    # A page written in French, not a synchronised translation: Wagtail's own editor.
    from programmes.factories import ProgrammePageFactory

    french = ProgrammePageFactory(parent=roles["fr"]["index"], title="Bureaux", slug="bureaux")
    client.force_login(member_of(translator_group_name("fr")))
    main, others, _footer = footer_actions(client, edit_url(french))
    assert main == "action-submit"
    assert "action-publish" not in others


@pytest.mark.parametrize("view", ["add", "edit"])
def test_saving_stays_the_main_action_for_a_moderator(client, roles, view):
    client.force_login(member_of(MODERATORS))
    url = add_url(roles["en"]["index"]) if view == "add" else edit_url(roles["en"]["programme"])
    main, others, _footer = footer_actions(client, url)
    assert main is None  # Wagtail's "Save draft" button has no name
    assert "action-publish" in others and "action-submit" in others


def test_the_menu_arrow_has_an_accessible_name(client, roles):
    client.force_login(member_of(EDITORS))
    _main, _others, footer = footer_actions(client, edit_url(roles["en"]["programme"]))
    toggle = footer.select_one("[data-w-dropdown-target='toggle']")
    assert toggle.get_text(" ", strip=True) == "More actions"
