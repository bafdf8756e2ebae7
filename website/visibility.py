"""What an anonymous visitor may see: the one answer every surface asks.

HTML pages, templates and rich text links, the API, search indexing, the library,
the sitemap and the feeds all ask here, so a page or document is either visible
everywhere or nowhere. Public pages and API responses are shared through caches:
what counts is what an anonymous visitor may open, whoever renders the page, and a
password entered in this browser opens nothing.

A page is public when it is live, has no view restriction on itself or an ancestor,
and has no unpublished ancestor (Wagtail's `.public()` checks restrictions only,
and `Page.route` serves a live page below an unpublished one: see
`BasePage.route`). A document or an image is public when no view restriction sits on its
collection or an ancestor collection.

Every lookup is read at most once per request (`RequestVisibilityMiddleware`): a
page body may hold dozens of links, a listing dozens of pages. A write that can
change the answer (a page saved, moved, published or unpublished, a restriction or
collection saved or deleted) drops the memo, so the search indexing a publish
triggers within the same request sees the new state. Outside a request every
lookup reads afresh.

This is the lowest layer: it imports Django and Wagtail only, never an app.
"""

from contextvars import ContextVar

from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

_memo = ContextVar("website_visibility_memo", default=None)


class RequestVisibilityMiddleware:
    """Gives each request its own memo, so no answer outlives the request that read it."""

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


def memoized(key, compute):
    """`compute()`, read once per request under `key` (each call outside a request)."""
    return _memoized(key, compute)


def _forget(sender, instance=None, **kwargs):
    memo = _memo.get()
    if memo and isinstance(instance, (Page, BaseViewRestriction, Collection)):
        memo.clear()


def forget_on_writes():
    """Called once from `WebsiteConfig.ready`. Before and after each write: a receiver of
    the same signal connected earlier (search indexing) must not read a stale memo."""
    for signal in (pre_save, post_save, pre_delete, post_delete):
        signal.connect(_forget, dispatch_uid=f"website.visibility.forget.{signal}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_forget, dispatch_uid=f"website.visibility.forget.{signal}")


# Pages --------------------------------------------------------------------------------


def hidden_sections():
    """Paths of the outermost view-restricted pages and unpublished pages with children:
    every page below (or at) one of them is hidden. One query.

    Only pages with children can hide others, and there are few of them, so excluding
    their subtrees by path stays cheap whatever the size of the site.
    """

    # Children are looked up rather than read from `numchild`: saving a page instance loaded
    # before its children were added (an unpublish, say) writes back a stale count.
    has_children = Exists(Page.objects.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1))

    def compute():
        paths = (
            Page.objects.filter(
                # The cheap tests first: PostgreSQL evaluates them in this order and runs the
                # children lookup (a scan of the tree) for unpublished pages only, not for
                # every page (issue 19: 70 s per request at 10,000 pages the other way round).
                (Q(live=False, depth__gt=1) & has_children) | Q(view_restrictions__isnull=False)
            )
            .order_by("path")
            .values_list("path", flat=True)
            .distinct()
        )
        outermost = []
        for path in paths:
            if not outermost or not path.startswith(outermost[-1]):
                outermost.append(path)
        return tuple(outermost)

    return _memoized("hidden_sections", compute)


def public_pages(queryset=None):
    """The pages of `queryset` (default: all pages) an anonymous visitor may open.

    Filters on `live` and `path` only, as Wagtail's `.public()` does, rather than with
    an `Exists` subquery on the ancestors: the search backends (Elasticsearch included)
    accept nothing else, and one memoised read of the hidden sections serves every
    queryset of the request. One query for the sections, then the queryset's own.
    """
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(live=True)
    for path in hidden_sections():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def is_page_public(page):
    """`public_pages` for one page in memory: no query beyond the hidden sections."""
    return page.live and not page.path.startswith(hidden_sections())


def public_translations(page):
    """{language code: page} for each live, public translation of `page`, itself included,
    as instances of `page`'s class with their locale. One query."""
    if not getattr(page, "translation_key", None) or not page.pk:  # a new page, previewed unsaved
        return {}
    model = type(page)

    def compute():
        queryset = public_pages(model.objects.filter(translation_key=page.translation_key))
        return {item.locale.language_code: item for item in queryset.select_related("locale")}

    return _memoized(("translations", model._meta.label, page.translation_key), compute)


def public_link_target(page, language=None):
    """The page a link to `page` should lead to: its translation in `language` (default:
    the active one) where that is public, else the page itself where public, else None."""
    if page is None:
        return None
    language = get_supported_content_language_variant(language or translation.get_language())
    translated = public_translations(page).get(language)
    if translated is not None:
        return translated
    return page if is_page_public(page) else None


def public_link_target_by_id(page_id, language=None):
    """`public_link_target` for a page known by its id, as a foreign key not read yet holds it:
    the page and its translations in one query, where reading the key and then the
    translations costs two."""
    if page_id is None:
        return None
    language = get_supported_content_language_variant(language or translation.get_language())

    def compute():
        same_key = Page.objects.filter(pk=page_id).values("translation_key")
        return list(Page.objects.filter(translation_key__in=same_key).select_related("locale"))

    rows = _memoized(("translations_of_page", page_id), compute)
    for row in rows:
        if row.locale.language_code == language and is_page_public(row):
            return row
    page = next((row for row in rows if row.pk == page_id), None)
    return page if page is not None and is_page_public(page) else None


# Documents and images -----------------------------------------------------------------


def _collections_below(restrictions):
    paths = [restriction.collection.path for restriction in restrictions]
    if not paths:
        return frozenset()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return frozenset(Collection.objects.filter(below).values_list("pk", flat=True))


def restricted_collection_ids(request=None):
    """Collections with a view restriction on themselves or an ancestor; two queries.

    With the `request` of a signed-in API token holder, only those whose restriction
    the token's user fails; password restrictions always count, the API having no
    session. Anonymous requests and no request at all get the anonymous answer.
    """
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return _memoized("restricted_collections", lambda: _collections_below(restrictions))

    def compute():
        return _collections_below(
            restriction
            for restriction in restrictions.prefetch_related("groups")
            if restriction.restriction_type == BaseViewRestriction.PASSWORD
            or not restriction.accept_request(request)
        )

    return _memoized(("restricted_collections", user.pk), compute)


def is_document_public(document):
    return document.collection_id not in restricted_collection_ids()


def is_image_public(image):
    """Whether an anonymous visitor may see `image`: its title, alt text, credit and files.

    As for documents, a view restriction on its collection (or an ancestor) makes it
    private wherever a public page uses it; its files then live outside MEDIA_ROOT
    (website/private_images.py) and are served only to those the restriction admits.
    """
    return image is not None and image.collection_id not in restricted_collection_ids()


def public_images(queryset):
    """The images of `queryset` an anonymous visitor may see."""
    return queryset.exclude(collection__in=restricted_collection_ids())


def visible_redirects(request, queryset=None):
    """For anonymous callers, redirects to an external link or to a public page only."""
    queryset = Redirect.objects.all() if queryset is None else queryset
    if request.user.is_authenticated:
        return queryset
    return queryset.filter(Q(redirect_page__isnull=True) | Q(redirect_page__in=public_pages()))
