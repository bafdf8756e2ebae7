from django.contrib import messages
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static
from wagtail.models import Page

from website.publishing import PlaceholderCheckedPublishAction, placeholder_in
from website.rich_text import HANDLERS


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own, which these replace
def register_public_link_handlers(features):
    for handler in HANDLERS.values():
        features.register_link_type(handler)


@hooks.register("construct_page_action_menu")
def submit_first_for_those_who_cannot_publish(menu_items, request, context):
    """Editors and translators can never publish: for them "Submit to Review" is the
    next step, so it becomes the main button instead of hiding under the menu's arrow.
    The menu itself says who may publish (Wagtail shows "Publish" only to them)."""
    names = [item.name for item in menu_items]
    if "action-publish" in names or "action-submit" not in names:
        return
    menu_items.insert(0, menu_items.pop(names.index("action-submit")))


@hooks.register("insert_global_admin_js")
def check_image_alt_text_before_upload():
    return format_html('<script src="{}"></script>', versioned_static("website/js/image_alt_text.js"))


@hooks.register("register_actions")
def check_placeholders_on_every_publish(registry):
    # After Wagtail's own registration (its app's ready()), so this one wins: API v3's
    # publish action asks the registry for Page's "publish" class.
    registry.register(Page, PlaceholderCheckedPublishAction)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "website.publish_refused",
        _("Publishing refused"),
        _("Scheduled publishing cancelled: the revision holds a placeholder"),
    )


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_placeholders(request, action_type, objects, action):
    """Bulk publish goes live for all the chosen pages or for none: a page that holds a
    placeholder is named, and nothing is published."""
    if action_type != "publish" or not objects or not isinstance(objects[0], Page):
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live())
    holding = []
    for page in pages:
        revision = page.get_latest_revision()
        if revision is not None and (placeholder := placeholder_in(revision.content)):
            holding.append(f"“{page.get_admin_display_title()}” ({placeholder})")
    if not holding:
        return None
    messages.error(
        request,
        _("Nothing was published. Replace the placeholders first in: %(pages)s")
        % {"pages": ", ".join(holding[:10]) + (" …" if len(holding) > 10 else "")},
    )
    return redirect(action.next_url)
