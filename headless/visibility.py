"""What an anonymous API caller may see: live pages with no view restriction and no unpublished
ancestor, documents outside restricted collections.

Workaround: API v3's public page queryset (`wagtail.api.querysets.get_public_pages_queryset`,
used by `pages/`, `pages/{id}/` and `pages/find/`) keeps a live page whose
parent or grandparent is unpublished, although the site no longer links to it.
`patch_v3_pages_queryset` makes v3 use `public_pages` for anonymous callers;
delete it when upstream excludes pages below unpublished ancestors.
"""

from django.db.models import Q
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.models import Collection, Page


def unpublished_sections():
    """Paths of unpublished pages that have children, outermost only; one query."""
    paths = Page.objects.filter(live=False, depth__gt=1, numchild__gt=0).order_by("path")
    outermost = []
    for path in paths.values_list("path", flat=True):
        if not outermost or not path.startswith(outermost[-1]):
            outermost.append(path)
    return outermost


def with_live_ancestors(queryset):
    """Drop pages below an unpublished page (the tree root, depth 1, is never published).

    Filters on `path` only, like v3's own restriction filter, so search backends accept it.
    """
    for path in unpublished_sections():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def public_pages(queryset=None):
    """Live pages an anonymous visitor may open: three queries (restrictions, sections, pages)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return with_live_ancestors(queryset.live().public())


def is_public(page):
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


_v3_get_pages_queryset = v3_querysets.get_pages_queryset


def get_pages_queryset(request, model=Page):
    queryset = _v3_get_pages_queryset(request, model)
    if not request.user.is_authenticated:
        # .public() drops every view-restricted page, even one whose password
        # this browser session entered: API responses are shared through caches.
        queryset = with_live_ancestors(queryset.public())
    return queryset


def patch_v3_pages_queryset():
    """Called once the URLconf loads the API: importing v3's page router builds its schemas."""
    from wagtail.api.v3.routers import pages as v3_pages_router

    v3_pages_router.get_pages_queryset = get_pages_queryset


def restricted_collection_ids():
    """Collections with a view restriction on themselves or an ancestor; two queries."""
    restricted_paths = list(
        Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    )
    if not restricted_paths:
        return set()
    below = Q()
    for path in restricted_paths:
        below |= Q(path__startswith=path)
    return set(Collection.objects.filter(below).values_list("pk", flat=True))


def is_document_public(document):
    return document.collection_id not in restricted_collection_ids()
