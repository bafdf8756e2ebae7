from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: two-factor authentication, lockout, session rules and the audit trail."""

    name = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        from . import audit  # noqa: F401  (connects the sign-in and permission signals)
