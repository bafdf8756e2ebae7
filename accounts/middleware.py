from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .two_factor import has_device, is_required_for


class TwoFactorMiddleware:
    """In the admin, a user who must use a second factor (accounts/two_factor.py) and whose
    session was not verified with one is sent to enrol (no device yet) or to sign in again.

    Public pages and the API (bearer tokens) are not concerned: the check runs only
    under the admin's prefix, so visitors' requests never touch the session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_prefix = reverse("wagtailadmin_home")
        if request.path.startswith(admin_prefix):
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not is_required_for(user):
            return None
        setup_url = reverse("accounts_two_factor")
        if request.path in (setup_url, reverse("wagtailadmin_logout")):
            return None
        if not has_device(user):
            return redirect(f"{setup_url}?{urlencode({'next': request.get_full_path()})}")
        # A session from before the user enrolled, or from before 2FA was required.
        logout(request)
        return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
