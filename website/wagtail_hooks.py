from wagtail import hooks

from website.rich_text import HANDLERS


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own, which these replace
def register_public_link_handlers(features):
    for handler in HANDLERS.values():
        features.register_link_type(handler)
