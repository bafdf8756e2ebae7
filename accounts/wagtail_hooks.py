from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .audit import may_read_audit_trail


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("account/two-factor/", views.TwoFactorView.as_view(), name="accounts_two_factor"),
        path("reports/audit-trail/", views.AuditTrailView.as_view(), name="accounts_audit_trail"),
        path(
            "reports/audit-trail/results/",
            views.AuditTrailView.as_view(results_only=True),
            name="accounts_audit_trail_results",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_trail(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return AuditTrailMenuItem(
        _("Audit trail"), reverse("accounts_audit_trail"), name="audit-trail", icon_name="list-ul", order=160
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("accounts.login", _("Sign in"), _("Signed in"))
    actions.register_action("accounts.logout", _("Sign out"), _("Signed out"))
    actions.register_action("accounts.login_failed", _("Failed sign-in"), _("Failed sign-in"))
    actions.register_action(
        "accounts.locked_out", _("Locked out"), _("Locked out after repeated failed sign-ins")
    )
    actions.register_action(
        "accounts.two_factor_enabled", _("Two-factor on"), _("Two-factor authentication turned on")
    )
    actions.register_action(
        "accounts.two_factor_disabled", _("Two-factor off"), _("Two-factor authentication turned off")
    )
    actions.register_action(
        "accounts.recovery_codes_renewed", _("Recovery codes renewed"), _("New recovery codes made")
    )
    actions.register_action(
        "accounts.permissions_changed", _("Permissions changed"), _("Permissions changed")
    )
