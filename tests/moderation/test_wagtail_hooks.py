"""Where an editor finds "Request unpublishing", and what a moderator is told after approving."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from .conftest import make_user

pytestmark = pytest.mark.django_db

REQUEST_LABEL = "Request unpublishing"


def get(client, user, url, **params):
    client.force_login(user)
    with translation.override("en"):
        response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def request_links(soup):
    return [link["href"] for link in soup.find_all("a") if link.get_text(" ", strip=True) == REQUEST_LABEL]


def request_url(page):
    return reverse("moderation_request_unpublishing", args=[page.pk])


def test_an_editor_finds_the_request_in_the_page_action_menu(client, roles, editor):
    programme = roles["en"]["programme"]
    soup = get(client, editor, reverse("wagtailadmin_pages:edit", args=[programme.pk]))
    footer = soup.select_one("footer .w-dropdown-button")
    assert request_url(programme) in request_links(footer)


def test_an_editor_finds_it_in_the_page_listing_and_header(client, roles, editor):
    index = roles["en"]["index"]
    listing = get(client, editor, reverse("wagtailadmin_explore", args=[index.pk]))
    expected = request_url(roles["en"]["programme"]) + "?next="
    assert any(link.startswith(expected) for link in request_links(listing))
    # The header of the page's own listing (its "…" menu) too.
    header = get(client, editor, reverse("wagtailadmin_explore", args=[roles["en"]["programme"].pk]))
    assert any(link.startswith(request_url(roles["en"]["programme"])) for link in request_links(header))


def test_no_request_for_a_draft_nor_for_those_who_unpublish_themselves(client, roles, editor, moderator):
    programme = roles["en"]["programme"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[programme.pk])
    assert request_links(get(client, moderator, edit_url)) == []  # they have "Unpublish"
    Page.objects.get(pk=programme.pk).specific.unpublish()
    assert request_links(get(client, editor, edit_url)) == []


def submit_for_review(page, user):
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return revision


def awaiting_review(client, moderator):
    soup = get(client, moderator, reverse("wagtailadmin_home"))
    return soup.select_one("#awaiting-review-content")


def approve_url(panel, label):
    button = panel.find("button", string=lambda text: text and text.strip() == label)
    return button["data-workflow-action-url"]


def test_approving_from_the_dashboard_says_the_page_is_published(client, roles, editor, moderator):
    programme = roles["en"]["programme"]
    programme.title = "Legal advocacy in 2027"
    submit_for_review(programme, editor)
    url = approve_url(awaiting_review(client, moderator), "Approve")
    # The dashboard's script posts a form with `next`: the dashboard itself.
    with translation.override("en"):
        response = client.post(url, {"next": reverse("wagtailadmin_home")}, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == ["‘Legal advocacy in 2027’ has been approved and published."]
    assert Page.objects.get(pk=programme.pk).title == "Legal advocacy in 2027"


def test_approving_with_a_comment_in_the_modal_says_so_too(client, roles, editor, moderator):
    programme = roles["fr"]["programme"]
    submit_for_review(programme, make_user("translator-fr", "Translators (French)"))
    url = approve_url(awaiting_review(client, moderator), "Approve with comment")
    with translation.override("en"):
        response = client.post(
            url,
            {"comment": "Merci", "next": reverse("wagtailadmin_home")},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.json()["step"] == "success"
        dashboard = client.get(response.json()["redirect"])
    messages = [str(message).strip() for message in dashboard.context["messages"]]
    assert messages == ["‘Plaidoyer juridique’ has been approved and published."]


def test_requesting_changes_says_so(client, roles, editor, moderator):
    programme = roles["en"]["programme"]
    submit_for_review(programme, editor)
    url = approve_url(awaiting_review(client, moderator), "Request changes")
    with translation.override("en"):
        response = client.post(
            url, {"comment": "Add the sources", "next": reverse("wagtailadmin_home")}, follow=True
        )
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == ["Changes have been requested on ‘Legal advocacy’."]
