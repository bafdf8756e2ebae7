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
view would answer them). A write is known by what it is, not by a list of
views: every operation of v3's page router that is not a read (GET, HEAD,
OPTIONS) and names a page in its path (`{page_id}`): edit, publish, unpublish,
revert, move, delete, convert, and any action Wagtail adds later. Only the
actions that leave the page as it is and make another page from it (copy,
create alias, copy for translation) are let through. Pages in the source
language, and pages in other languages that are not synchronised
translations, are written as the admin would, with the token owner's
permissions. Creating pages is unaffected.

Upstream: no issue found in wagtail/wagtail (API v3 is new in Wagtail 8); the
text to file is in upstream/ISSUES.md. Delete this module when v3 page writes
run the page hooks (tests/upstream/test_wagtail_api_translation_writes.py says so).
"""

import functools

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from ninja.errors import HttpError
from wagtail.models import Page
from wagtail_localize.models import Translation

PAGE_ROUTER = "wagtail.api.v3.routers.pages"
READS = frozenset({"GET", "HEAD", "OPTIONS"})
# Page actions that make another page and leave this one as it is.
ACTIONS_ON_A_COPY = frozenset({"copy", "create_alias", "copy_for_translation"})
# The permission a write needs on the page (PagePermissionTester), where it is not `can_edit`.
PERMISSIONS = {
    "publish": "can_publish",
    "unpublish": "can_unpublish",
    "move": "can_move",
    "delete": "can_delete",
}


def is_synchronised_translation(page):
    if page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id:
        return True
    return Translation.objects.filter(
        Q(source__object_id=page.translation_key) & Q(target_locale_id=page.locale_id) & Q(enabled=True)
    ).exists()


def refuse_writes_to_translations(view_func):
    """API-wide decorator: guards every write to an existing page of v3's page router."""
    if view_func.__module__ != PAGE_ROUTER or view_func.__name__ in ACTIONS_ON_A_COPY:
        return view_func

    @functools.wraps(view_func)
    def guarded(request, *args, **kwargs):
        page_id = kwargs.get("page_id")
        if request.method in READS or page_id is None:
            return view_func(request, *args, **kwargs)
        page = Page.objects.filter(pk=page_id).select_related("alias_of").first()
        if page is not None and is_synchronised_translation(page):
            # A caller who may not do this at all is told so first, as the view would.
            permission = PERMISSIONS.get(view_func.__name__, "can_edit")
            if not getattr(page.permissions_for_user(request.user), permission)():
                raise PermissionDenied
            raise HttpError(
                409,
                "This page is a synchronised translation: change its source page and update the "
                "translation in the admin's translation editor.",
            )
        return view_func(request, *args, **kwargs)

    guarded.refuses_writes_to_translations = True
    return guarded


def apply_to_api(api):
    api.add_decorator(refuse_writes_to_translations, mode="operation")
