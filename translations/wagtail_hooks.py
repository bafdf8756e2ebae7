from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Locale, TranslatableMixin

from . import report_actions, review, sync, views, waiting
from .permissions import user_can_change_in_locale, user_can_delete, user_may_delete_page, user_scope
from .status import language_summaries, translation_statuses


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("translation-status/", views.TranslationStatusReportView.as_view(), name="translation_status"),
        path(
            "translation-status/start/<int:page_id>/<str:language_code>/",
            report_actions.start_page_translation,
            name="translation_start",
        ),
        path(
            "translations/pages/<int:page_id>/submit-for-review/",
            views.submit_page_for_review,
            name="translation_submit_for_review",
        ),
        path(
            "translations/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/submit-for-review/",
            views.submit_snippet_for_review,
            name="translation_submit_snippet_for_review",
        ),
    ]


@hooks.register("register_admin_urls")
def register_sync_urls():
    return sync.admin_urls()


# Order -1: these paths shadow wagtail-localize's own submit views (same URLs).
@hooks.register("register_admin_urls", order=-1)
def register_submit_translation_urls():
    return [
        path("localize/submit/page/<int:page_id>/", views.SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="site",
        order=150,
    )


# Order -1: before wagtail-localize's own before_edit_snippet hook, which would
# otherwise open its segment editor for any translated snippet.
@hooks.register("before_edit_snippet", order=-1)
def confine_snippet_editing_to_language(request, instance):
    if not user_can_change_in_locale(request.user, instance):
        raise PermissionDenied


@hooks.register("before_create_snippet", order=-1)
def confine_snippet_creation_to_language(request, model):
    if not issubclass(model, TranslatableMixin):
        return
    code = request.GET.get("locale") or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=code).first()
    if locale is not None and not user_scope(request.user).allows_locale(locale.pk):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-1)
def confine_snippet_deletion(request, instances):
    if not user_can_delete(request.user) or not all(
        user_can_change_in_locale(request.user, instance) for instance in instances
    ):
        raise PermissionDenied


hooks.register("page_deletion_allowed", user_may_delete_page)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    # wagtail-localize shows it to anyone who may edit; the view refuses them
    # (upstream/localize_translation_views.py, 3).
    page = context.get("page")
    if page is not None and page.pk and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def _submit_button(page, user, next_url=None):
    # Only on translations, for those who may edit them; the view checks again.
    if page.locale_id is None or not user_scope(user).allows_locale(page.locale_id):
        return
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return
    url = reverse("translation_submit_for_review", args=[page.pk])
    yield Button(
        _("Submit translation for review"),
        url,
        icon_name="resubmit",
        priority=65,
        attrs={"data-controller": "w-action", "data-action": "w-action#post", "data-w-action-url-value": url},
    )


@hooks.register("register_page_header_buttons")
def page_header_submit_button(page, user, view_name=None, next_url=None):
    yield from _submit_button(page, user, next_url)


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "translations/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {
            "languages": language_summaries(translation_statuses()),
            "report_url": reverse("translation_status"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


@hooks.register("construct_homepage_panels")
def show_completeness_to_reviewers(request, panels):
    review.show_completeness_in_review_panel(panels)


@hooks.register("construct_homepage_panels")
def show_translators_what_waits_for_them(request, panels):
    waiting.add_waiting_panel(request, panels)
