"""Setting up the authenticator app: QR code or key as text, a confirming code, recovery codes."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.two_factor import RECOVERY_CODE_COUNT, has_device

from .conftest import current_code, enrol

pytestmark = pytest.mark.django_db

URL = reverse("accounts_two_factor")


def test_the_setup_page_shows_a_qr_code_and_the_key_as_text(client, editor):
    client.force_login(editor)
    response = client.get(URL)
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    qr_code = response.context["qr_code"]
    assert qr_code.startswith("data:image/svg+xml;base64,")
    assert f'src="{qr_code}"' in html
    assert response.context["secret"].replace(" ", "") in device.config_url
    assert not has_device(editor)


def test_a_correct_code_turns_it_on_and_shows_recovery_codes_once(client, settings, moderator):
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(moderator)
    client.get(URL)
    device = TOTPDevice.objects.get(user=moderator)

    response = client.post(URL, {"action": "confirm", "token": current_code(device)})

    assert response.status_code == 200
    codes = response.context["recovery_codes"]
    assert len(codes) == RECOVERY_CODE_COUNT
    assert set(StaticToken.objects.filter(device__user=moderator).values_list("token", flat=True)) == set(
        codes
    )
    assert has_device(moderator)
    # This session is verified: the admin opens without signing in again.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert ModelLogEntry.objects.for_instance(moderator).filter(action="accounts.two_factor_enabled").exists()
    # Shown once: the page afterwards says how many are left, not which.
    again = client.get(URL)
    assert not again.context["recovery_codes"]
    assert codes[0] not in again.content.decode()


def test_a_wrong_code_leaves_it_off(client, editor):
    client.force_login(editor)
    client.get(URL)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    response = client.post(URL, {"action": "confirm", "token": wrong})
    assert response.status_code == 400
    assert "not the one the app shows now" in response.content.decode()
    assert not has_device(editor)


def test_turning_it_off_is_refused_to_whom_it_is_required(client, settings, moderator):
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(moderator)
    client.get(URL)
    client.post(URL, {"action": "confirm", "token": current_code(TOTPDevice.objects.get(user=moderator))})
    assert client.post(URL, {"action": "disable"}).status_code == 400
    assert has_device(moderator)


def test_changes_need_a_session_verified_with_the_app(client, editor):
    enrol(editor)
    client.force_login(editor)
    # Wagtail answers a refusal in the admin by sending to the dashboard with a message.
    for action in ("disable", "recovery_codes"):
        response = client.post(URL, {"action": action})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert has_device(editor)


def test_the_account_page_links_to_it(client, editor):
    client.force_login(editor)
    assert URL in client.get(reverse("wagtailadmin_account")).content.decode()
