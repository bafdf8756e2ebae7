from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static

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
