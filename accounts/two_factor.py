"""Who must use a second factor, and the devices that give one (django-otp).

An authenticator app (TOTP, one per user) and ten single-use recovery codes
for when the phone is lost. `TWO_FACTOR_REQUIRED` makes them compulsory for
administrators and moderators, whose accounts can publish or take down
anything; `TWO_FACTOR_REQUIRED_FOR_ALL` for every admin user.
"""

from base64 import b32encode, b64encode
from io import BytesIO

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from translations.roles import MODERATORS

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required_for(user):
    if settings.TWO_FACTOR_REQUIRED_FOR_ALL:
        return True
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def has_device(user):
    """True once the user has confirmed an authenticator app."""
    return any(devices_for_user(user, confirmed=True))


def pending_app_device(user):
    """The authenticator app being set up: one unconfirmed TOTP device, made on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_text(device):
    """The key as authenticator apps accept it typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_url(device):
    """The QR code as a data: URL for an <img>: qrcode's SVG uses `svg:`-prefixed elements,
    which an XML parser draws and the HTML parser of an inline <svg> does not."""
    out = BytesIO()
    write_qrcode_image(device.config_url, out)
    return "data:image/svg+xml;base64," + b64encode(out.getvalue()).decode()


def confirm(device, token):
    """Confirms the app device when `token` is its current code; replaces any older app."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def new_recovery_codes(user):
    """Replaces the user's recovery codes with ten new ones and returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
