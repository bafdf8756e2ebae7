"""What an anonymous visitor may open, looked up once per request, for the links content makes.

Editors link rich text, page choosers and document choosers to drafts, private
pages and documents in private collections; Wagtail renders those links as they
are (`PageLinkHandler`, `DocumentLinkHandler`, `{% pageurl %}`), leaking a
private page's slug or a private document's title and URL. Public pages are
shared through caches, so what counts is what an anonymous visitor may open,
whoever renders the page.

A page body may hold dozens of links: the restricted pages and collections are
read once per request (`RequestVisibilityMiddleware`), then every link is checked
against those paths and ids in memory. Outside a request each check reads them again.
"""

from contextvars import ContextVar

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction

_memo = ContextVar("website_visibility_memo", default=None)


class RequestVisibilityMiddleware:
    """Gives each request its own memo, so no restriction outlives the request that read it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _memoized(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def has_unpublished_ancestor():
    """A filter for page querysets: a page below an unpublished page, which Wagtail's
    `.live()` and `.public()` keep. A subquery, so it costs no query of its own:
    an ancestor's path is a prefix of the page's, one `steplen` per level."""
    return Exists(
        Page.objects.filter(
            depth__gt=1, live=False, path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen)
        )
    )


def hidden_sections():
    """Paths of view-restricted pages and of unpublished pages with children: two queries."""
    from headless.visibility import unpublished_sections  # imports API v3, which needs models loaded

    return _memoized(
        "hidden_sections",
        lambda: (
            tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
            + tuple(unpublished_sections())
        ),
    )


def is_page_public(page):
    """Live, with no view restriction on it or an ancestor, and no unpublished ancestor."""
    return page.live and not page.path.startswith(hidden_sections())


def public_link_target(page):
    """The page a link to `page` should lead to: its translation in the active
    language where that is public, else the page itself where public, else None."""
    if page is None:
        return None
    localized = page.localized
    if localized is not page and is_page_public(localized):
        return localized
    return page if is_page_public(page) else None


def is_document_public(document):
    from headless.visibility import restricted_collection_ids

    return document.collection_id not in _memoized("restricted_collections", restricted_collection_ids)
