from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import match_token
from wagtail.admin.forms.auth import LoginForm

from .two_factor import has_device


def normalised_code(value):
    return "".join((value or "").split()).lower()


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form with the second factor for those who set one up.

    The code (from the authenticator app, or a recovery code) is asked on the
    same form, so a wrong code is one more failed sign-in for django-axes: a
    stolen password does not buy unlimited guesses at the code either.
    """

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        help_text=_("If you set up two-factor authentication: the code from your app, or a recovery code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **LoginForm.error_messages,
        "invalid_code": _(
            "Enter the current code from your authenticator app, or one of your recovery codes."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.user_cache
        if user is None or not has_device(user):
            return cleaned_data
        token = normalised_code(cleaned_data.get("otp_token"))
        device = match_token(user, token) if token else None
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username(), "reason": "code"},
                request=self.request,
            )
            raise ValidationError(self.error_messages["invalid_code"], code="invalid_code")
        # django_otp's user_logged_in receiver marks the session as verified with it.
        user.otp_device = device
        return cleaned_data


class ConfirmAppForm(forms.Form):
    token = forms.CharField(
        label=_("Code shown by the app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        return normalised_code(self.cleaned_data["token"])
