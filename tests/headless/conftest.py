import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import APIToken, GroupPagePermission, PageViewRestriction

from tests.resources.conftest import (  # noqa: F401  (shared fixtures)
    library_tree,
    shared_library_tree,
    shared_taxonomy,
    taxonomy,
)
from website.models import User


@pytest.fixture
def api_get(client):
    """GET an API URL as an anonymous caller; returns the response."""

    def get(url, **params):
        return client.get(url, params, HTTP_ACCEPT="application/json")

    return get


def make_private(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def bearer(user):
    _token, plaintext = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def user_with_page_permissions(username, page, *permission_types):
    """A user whose group may act on `page` and below: the way translators' groups are set up."""
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in permission_types:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    user = User.objects.create_user(username=username, password="unused-password")
    user.groups.add(group)
    return user
