from django.conf import settings
from django.template.response import TemplateResponse

from website.addresses import client_address, truncated


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: the same page, whatever the username
    (existing or not) and whichever count locked it, so it tells an attacker nothing."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = TemplateResponse(request, "accounts/lockout.html", {"cooloff_minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response.render()


def counted_address(request):
    """The address django-axes counts failures by, and stores: truncated (website/addresses.py),
    so the lockout table holds a network, never a person's address."""
    return truncated(client_address(request)) or None
