import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from translations.roles import EDITORS, MODERATORS
from website.models import User

PASSWORD = "correct horse battery staple"


@pytest.fixture
def role_groups(db):
    return {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS)}


def make_staff(username, group=None, **fields):
    user = User.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, email=f"{username}@example.org", **fields
    )
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def editor(role_groups):
    return make_staff("editor", role_groups[EDITORS])


@pytest.fixture
def moderator(role_groups):
    return make_staff("moderator", role_groups[MODERATORS])


@pytest.fixture
def admin_user(db):
    return make_staff("admin", is_superuser=True)


def enrol(user):
    """A confirmed authenticator app for `user`."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username, password=PASSWORD, code=None, address="198.51.100.7"):
    data = {"username": username, "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post(reverse("wagtailadmin_login"), data, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session
