import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from translations.roles import EDITORS, MODERATORS, translator_group_name


def make_user(username, group_name, **fields):
    user = get_user_model().objects.create_user(
        username=username,
        password="pass-for-tests",
        is_staff=True,
        email=f"{username}@example.org",
        **fields,
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(roles):
    return make_user("editor", EDITORS, first_name="Ana", last_name="Editor")


@pytest.fixture
def moderator(roles):
    return make_user("moderator", MODERATORS, first_name="Mo", last_name="Derator")


@pytest.fixture
def translator_es(roles):
    return make_user("translator-es", translator_group_name("es"))
