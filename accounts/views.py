import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_action_registry

from . import two_factor
from .audit import logged_values, may_read_audit_trail
from .forms import ConfirmAppForm


class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    """Enrol an authenticator app (QR code, or the key as text), get recovery codes, or turn it off."""

    template_name = "accounts/two_factor.html"
    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def next_url(self):
        url = self.request.GET.get("next", "")
        if url and url_has_allowed_host_and_scheme(url, {self.request.get_host()}):
            return url
        return reverse("wagtailadmin_home")

    def get_context_data(self, form=None, recovery_codes=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        enrolled = two_factor.has_device(user)
        context.update(
            enrolled=enrolled,
            required=two_factor.is_required_for(user),
            recovery_codes=recovery_codes,
            remaining_codes=two_factor.remaining_recovery_codes(user),
            next_url=self.next_url(),
        )
        if not enrolled:
            device = two_factor.pending_app_device(user)
            context.update(
                form=form or ConfirmAppForm(),
                secret=two_factor.secret_text(device),
                qr_code=two_factor.qr_code_data_url(device),
            )
        return context

    def post(self, request, *args, **kwargs):
        # The user itself, not request.user's lazy wrapper, which Wagtail's log() cannot place.
        user = get_user_model()._default_manager.get(pk=request.user.pk)
        action = request.POST.get("action")
        if action == "confirm" and not two_factor.has_device(user):
            form = ConfirmAppForm(request.POST)
            device = two_factor.pending_app_device(user)
            if not form.is_valid() or not two_factor.confirm(device, form.cleaned_data["token"]):
                if form.is_valid():
                    form.add_error(
                        "token", gettext_lazy("That code is not the one the app shows now; try the next one.")
                    )
                return self.render_to_response(self.get_context_data(form=form), status=400)
            django_otp.login(request, device)
            log(user, "accounts.two_factor_enabled", user=user)
            codes = two_factor.new_recovery_codes(user)
            return self.render_to_response(self.get_context_data(recovery_codes=codes))
        # Other changes need a session verified with the second factor.
        if not two_factor.has_device(user) or not request.user.is_verified():
            raise PermissionDenied
        if action == "recovery_codes":
            codes = two_factor.new_recovery_codes(user)
            log(user, "accounts.recovery_codes_renewed", user=user)
            return self.render_to_response(self.get_context_data(recovery_codes=codes))
        if action == "disable" and not two_factor.is_required_for(user):
            two_factor.remove_devices(user)
            log(user, "accounts.two_factor_disabled", user=user)
            messages.success(request, gettext_lazy("Two-factor authentication is off for your account."))
            return redirect("accounts_two_factor")
        return self.render_to_response(self.get_context_data(), status=400)


class AuditTrailFilterSet(SiteHistoryReportFilterSet):
    """Site history's filters (action, user, date, type, name), offering every value there is."""

    object_type = ContentTypeFilter(
        label=gettext_lazy("Type"),
        method="filter_object_type",
        queryset=lambda request: ContentType.objects.filter(pk__in=logged_values("content_type_id")).order_by(
            "model"
        ),
    )

    def get_action_choices(self):
        used = set(logged_values("action"))
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_user_choices(self):
        return (
            get_user_model()
            .objects.filter(pk__in=logged_values("user_id"))
            .order_by(get_user_model().USERNAME_FIELD)
        )


class AuditTrailView(LogEntriesView):
    """Every log entry of every kind (Wagtail's and the project's: sign-ins, publishing,
    takedowns, permission changes, downloads), filterable and exportable as CSV or Excel.

    Wagtail's "Site history" shows each user only the kinds of objects they may
    edit; the audit trail is for administrators and moderators and shows all.
    """

    page_title = gettext_lazy("Audit trail")
    header_icon = "list-ul"
    index_url_name = "accounts_audit_trail"
    index_results_url_name = "accounts_audit_trail_results"
    filterset_class = AuditTrailFilterSet

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "audit-trail-{}".format(timezone.now().strftime("%Y-%m-%d"))

    def get_filtered_queryset(self):
        # LogEntriesView's union of every log model, without its per-user narrowing.
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            rows = log_model.objects.values("pk", "timestamp").annotate(
                log_model_index=Value(index, output_field=IntegerField())
            )
            rows = self.filter_queryset(rows).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")
