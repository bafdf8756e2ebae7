"""Workaround: API v3's endpoints show what the site hides; they answer with the visibility policy.

Each of v3's gaps below is closed by asking `website.visibility`; delete each
part when upstream closes its gap (tests/upstream/test_wagtail_api_visibility.py
says when):

- Pages: v3's public page queryset (`wagtail.api.v3.querysets.get_pages_queryset`,
  used by `pages/`, `pages/{id}/` and `pages/find/`) keeps a live page whose
  parent or grandparent is unpublished, although the site no longer links to it.
- Images and documents: v3's `images/` and `documents/` querysets hide only the
  collections whose restriction the request fails
  (`wagtail.api.v3.permissions.get_restricted_collection_ids`), and a password
  restriction passes once this browser's session entered the password: the
  private document then reaches a shared cache. They also fetch each item's
  collection with one query per item.
- Redirects: v3's `redirects/`, `redirects/{id}/` and `redirects/find/` list every
  redirect, including those leading to a draft or private page.

Upstream: no issue found in wagtail/wagtail (API v3 is new in Wagtail 8); the
text to file is in upstream/ISSUES.md.
"""

import functools

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from ninja.pagination import paginate
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from website.visibility import public_pages, restricted_collection_ids, visible_redirects

UPSTREAM_GET_PAGES_QUERYSET = v3_querysets.get_pages_queryset


def get_pages_queryset(request, model=Page):
    queryset = UPSTREAM_GET_PAGES_QUERYSET(request, model)
    if not request.user.is_authenticated:
        # v3 keeps drafts out already; the policy also drops every view-restricted page,
        # even one whose password this browser session entered (API responses are
        # shared through caches), and pages below an unpublished one.
        queryset = public_pages(queryset)
    return queryset


def collection_items(model, request):
    """Images or documents the caller may see, each with its collection and tags: constant queries."""
    return (
        model.objects.exclude(collection__in=restricted_collection_ids(request))
        .select_related("collection")
        .prefetch_related("tags")
        .order_by("id")
    )


REDIRECTS_ROUTER = "wagtail.contrib.redirects.api.v3.router"


def hide_redirects_to_hidden_pages(view_func):
    """API-wide operation decorator: v3's redirect reads through `visible_redirects`."""
    if view_func.__module__ != REDIRECTS_ROUTER:
        return view_func
    if view_func.__name__ == "list_redirects":
        list_all = view_func.__wrapped__  # v3's view inside its pagination: a filtered, ordered queryset

        @paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")  # noqa: S106 not a password
        def list_redirects(request, **kwargs):
            return visible_redirects(request, list_all(request, **kwargs))

        return functools.wraps(view_func)(list_redirects)
    if view_func.__name__ == "get_redirect_detail":

        @functools.wraps(view_func)
        def get_redirect_detail(request, redirect_id):
            return get_object_or_404(visible_redirects(request), pk=redirect_id)

        return get_redirect_detail
    if view_func.__name__ == "find_redirect":

        @functools.wraps(view_func)
        def find_redirect(request, id=None, html_path=None):  # noqa: A002 v3's parameter name
            found = get_redirect(request, html_path) if html_path else None
            if found is None and id:
                found = Redirect.objects.filter(pk=id).first()
            if found is None or not visible_redirects(request).filter(pk=found.pk).exists():
                raise Http404(f"No {Redirect._meta.object_name} matches the given query.")
            query = request.GET.copy()
            query.pop("id", None)
            query.pop("html_path", None)
            url = reverse("wagtailapi_v3:detail_redirect", kwargs={"redirect_id": found.pk})
            return redirect(f"{url}?{query.urlencode()}")

        return find_redirect
    return view_func


def apply_to_api(api):
    """Importing v3's routers builds their schemas: only once the API is being built."""
    from wagtail.api.v3.routers import pages as v3_pages_router
    from wagtail.documents.api.v3 import router as v3_documents_router
    from wagtail.images.api.v3 import router as v3_images_router

    v3_pages_router.get_pages_queryset = get_pages_queryset
    v3_documents_router.get_documents_queryset = functools.partial(collection_items, get_document_model())
    v3_images_router.get_images_queryset = functools.partial(collection_items, get_image_model())
    api.add_decorator(hide_redirects_to_hidden_pages, mode="operation")
