"""Workaround: API v3 page writes skip the admin hooks wagtail-localize relies on.

In the admin, wagtail-localize's `before_edit_page` hook replaces the editor of
a synchronised translation (a page that is the target of an enabled
`Translation`, or an alias of a page in another language) with its segment
editor, so that a translation only changes through its source and its
translation records. API v3's writes (`PATCH pages/{id}/` and the page
actions) call Wagtail's actions directly and never run that hook, so a write
there would silently fork the translation from its source.

The API therefore refuses, with 409 Conflict and a problem+json body, any
write to such a page by a caller allowed to make it (others get 403, as the
view would answer them): edit, publish, unpublish, revert, move, delete, convert.
Pages in the source language, and pages in other languages that are not
synchronised translations, are written as the admin would, with the token
owner's permissions. Creating pages is unaffected.
Delete this module when v3 page writes run the page hooks.
"""

import functools

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from ninja.errors import HttpError
from wagtail.models import Page
from wagtail_localize.models import Translation

# Each guarded view, and the permission it needs on the page (PagePermissionTester).
GUARDED_VIEWS = {
    "update_page": "can_edit",
    "publish": "can_publish",
    "unpublish": "can_unpublish",
    "revert": "can_edit",
    "move": "can_move",
    "delete": "can_delete",
    "convert_alias": "can_edit",
}


def is_synchronised_translation(page):
    if page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id:
        return True
    return Translation.objects.filter(
        Q(source__object_id=page.translation_key) & Q(target_locale_id=page.locale_id) & Q(enabled=True)
    ).exists()


def refuse_writes_to_translations(view_func):
    """API-wide decorator: guards the page-writing operations of v3's page router."""
    if view_func.__name__ not in GUARDED_VIEWS:
        return view_func

    @functools.wraps(view_func)
    def guarded(request, *args, **kwargs):
        page_id = kwargs.get("page_id")
        page = Page.objects.filter(pk=page_id).select_related("alias_of").first() if page_id else None
        if page is not None and request.method != "GET" and is_synchronised_translation(page):
            # A caller who may not do this at all is told so first, as the view would.
            if not getattr(page.permissions_for_user(request.user), GUARDED_VIEWS[view_func.__name__])():
                raise PermissionDenied
            raise HttpError(
                409,
                "This page is a synchronised translation: change its source page and update the "
                "translation in the admin's translation editor.",
            )
        return view_func(request, *args, **kwargs)

    return guarded
