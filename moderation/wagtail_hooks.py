from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import views
from .models import Takedown, UnpublishRequest, live_translations_by_key
from .permissions import may_delete_drafts_of_others
from .viewsets import page_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "unpublish-requests/pages/<int:page_id>/",
            views.request_unpublishing,
            name="moderation_request_unpublishing",
        ),
        path(
            "unpublish-requests/<int:pk>/dismiss/",
            views.dismiss_unpublish_request,
            name="moderation_dismiss_unpublish_request",
        ),
        path("takedown/pages/<int:page_id>/", views.take_down_page, name="moderation_take_down_page"),
        path("takedown/people/<int:person_id>/", views.take_down_person, name="moderation_take_down_person"),
        path("takedown/<int:pk>/restore/", views.restore_takedown, name="moderation_restore_takedown"),
    ]


hooks.register("page_deletion_allowed", may_delete_drafts_of_others)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # After Wagtail's own fallback (order -1), so that this one serves every page type.
    return page_viewset


def may_request_unpublishing(page, user):
    """Those who edit a live page but may not unpublish it ask the moderators instead."""
    permissions = page.permissions_for_user(user)
    return page.live and permissions.can_edit() and not permissions.can_unpublish()


def request_url(page, next_url=None):
    url = reverse("moderation_request_unpublishing", args=[page.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RequestUnpublishingMenuItem(ActionMenuItem):
    label = _("Request unpublishing")
    name = "action-request-unpublishing"
    icon_name = "download"
    order = 60

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and may_request_unpublishing(context["page"], context["request"].user)
        )

    def get_url(self, context):
        return request_url(context["page"])


@hooks.register("register_page_action_menu_item")
def register_request_unpublishing_menu_item():
    return RequestUnpublishingMenuItem()


class RequestUnpublishingButton(PageMenuItem):
    label = _("Request unpublishing")
    icon_name = "download"

    def is_shown(self, user):
        return may_request_unpublishing(self.page, user)

    @property
    def url(self):
        return request_url(self.page, self.next_url)


@hooks.register("register_page_listing_more_buttons")
def page_listing_request_unpublishing(page, user, next_url=None):
    yield RequestUnpublishingButton(page=page, next_url=next_url, priority=40)


@hooks.register("register_page_header_buttons")
def page_header_request_unpublishing(page, user, view_name=None, next_url=None):
    yield RequestUnpublishingButton(page=page, next_url=next_url, priority=60)


class UnpublishRequestsPanel(Component):
    """ "Unpublishing requested", on the dashboard of those who may unpublish the pages."""

    name = "unpublish_requests"
    template_name = "moderation/dashboard_panel.html"
    order = 205  # above Wagtail's "Awaiting your review" (220)

    def __init__(self, user):
        self.user = user

    def rows(self):
        publishable = PagePermissionPolicy().instances_user_has_permission_for(self.user, "publish")
        pending = list(
            UnpublishRequest.objects.open()
            .filter(page__in=publishable.values("pk"))
            .select_related("page", "requested_by")
        )
        live = live_translations_by_key(request.page.translation_key for request in pending)
        rows = []
        for unpublish_request in pending:
            pages = live.get(unpublish_request.page.translation_key, [])
            if not pages:
                continue  # unpublished meanwhile in a way that sent no signal
            # Unpublish from the page it was asked for, or else from where it is still live.
            target = next((page for page in pages if page.pk == unpublish_request.page_id), pages[0])
            rows.append(
                {
                    "request": unpublish_request,
                    "languages": [page.locale.language_code for page in pages],
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk]),
                    "unpublish_url": reverse("wagtailadmin_pages:unpublish", args=[target.pk])
                    + "?"
                    + urlencode({"next": reverse("wagtailadmin_home")}),
                    "dismiss_url": reverse(
                        "moderation_dismiss_unpublish_request", args=[unpublish_request.pk]
                    ),
                }
            )
        return rows

    def render_html(self, parent_context=None):
        rows = self.rows()
        if not rows:
            return ""
        self._rows = rows
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {"rows": self._rows, "csrf_token": parent_context.get("csrf_token")}


@hooks.register("construct_homepage_panels")
def add_unpublish_requests_panel(request, panels):
    if PagePermissionPolicy().user_has_permission(request.user, "publish"):
        panels.append(UnpublishRequestsPanel(request.user))


# Emergency takedown -------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_takedown_log_actions(actions):
    @actions.register_action("pi.takedown")
    class TakedownFormatter(LogFormatter):
        label = _("Take down")

        def format_message(self, log_entry):
            return _("Taken down in every language: %(reason)s") % {
                "reason": log_entry.data.get("reason", "")
            }

    @actions.register_action("pi.takedown_reversed")
    class TakedownReversedFormatter(LogFormatter):
        label = _("Restore after a takedown")

        def format_message(self, log_entry):
            return _("Restored after a takedown")


class TakeDownButton(PageMenuItem):
    label = _("Take down")
    icon_name = "warning"

    def is_shown(self, user):
        return user.has_perm("moderation.take_down")

    @property
    def url(self):
        return reverse("moderation_take_down_page", args=[self.page.pk])


@hooks.register("register_page_listing_more_buttons")
def page_listing_take_down(page, user, next_url=None):
    yield TakeDownButton(page=page, next_url=next_url, priority=45)


@hooks.register("register_page_header_buttons")
def page_header_take_down(page, user, view_name=None, next_url=None):
    yield TakeDownButton(page=page, next_url=next_url, priority=65)


@hooks.register("register_snippet_listing_buttons")
def person_take_down(snippet, user, next_url=None):
    if snippet._meta.label == "people.Person" and user.has_perm("moderation.take_down"):
        yield ListingButton(
            _("Take down"),
            reverse("moderation_take_down_person", args=[snippet.pk]),
            icon_name="warning",
            priority=50,
        )


class TakedownsPanel(Component):
    """ "Taken down", with a restore button, on the dashboard of those who may take down."""

    name = "takedowns"
    template_name = "moderation/takedowns_panel.html"
    order = 200

    def __init__(self, records):
        self.records = records

    def render_html(self, parent_context=None):
        if not self.records:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "records": self.records,
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_takedowns_panel(request, panels):
    if request.user.has_perm("moderation.take_down"):
        records = list(
            Takedown.objects.filter(restored_at__isnull=True).select_related("page", "person", "taken_by")[
                :50
            ]
        )
        panels.append(TakedownsPanel(records))
