"""A URL path to its page in one query for the pages along it, not two per level.

Wagtail's `Page.route` finds each child by slug and then reads its specific object, level
after level: a page four levels down cost seven queries before its view ran (issue 19:
every page type must stay within a dozen per request). Here the pages along the path are
read at once by their `url_path` (which Wagtail keeps up to date on every move and slug
change), and only the page the path ends at is read as its specific object, the one whose
`route` and `serve` run.

Pages on the way keep Wagtail's rules: a page that routes paths of its own (a
`RoutablePageMixin` whose routes match what is left, or any other `route` override) gets
the rest of the path, and a page below an unpublished one is not served (`BasePage.route`).

The page served learns its ancestors (`routed_ancestors`), so that its breadcrumbs and its
view-restriction check read none again.
"""

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageViewRestriction

from website.visibility import hidden_sections, memoized

ROUTED_ANCESTORS = "_website_routed_ancestors"


def routes_its_own(page_class, default_route, remaining):
    """Whether a page of `page_class` on the way must route `remaining` itself."""
    if page_class.route is default_route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            # Its own routes do not match: RoutablePageMixin would hand the path to
            # the default route, which is what the walk does.
            return False
        return True
    return True


def route_below(page, request, path_components, default_route):
    """`page.route(request, path_components)` for a non-empty path, as Wagtail's would answer,
    with one query for the pages along the path and one for the specific page at its end."""
    url_paths = [
        page.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)
    ]
    along = {
        found.url_path: found
        for found in Page.objects.filter(
            url_path__in=url_paths, path__startswith=page.path, depth__lte=page.depth + len(path_components)
        )
    }
    ancestors = [*getattr(page, ROUTED_ANCESTORS, []), page]
    current = page
    for index, slug in enumerate(path_components):
        child = along.get(current.url_path + slug + "/")
        if child is None or child.depth != current.depth + 1:
            raise Http404
        child._cached_parent_obj = current  # treebeard's cache of get_parent(), as Wagtail sets it
        remaining = path_components[index + 1 :]
        page_class = child.specific_class
        if page_class is None:
            raise Http404
        if remaining and not child.live:
            raise Http404  # a live page below an unpublished one is not served
        if routes_its_own(page_class, default_route, remaining) or not remaining:
            specific = with_active_locale(child.specific)
            setattr(specific, ROUTED_ANCESTORS, ancestors)
            return specific.route(request, remaining)
        ancestors = [*ancestors, child]
        current = child
    raise Http404  # not reached: the last component returns above


def _home_key(translation_key, locale_id):
    return ("home", translation_key, locale_id)


def remember_home(page):
    """A site's home page as routing found it, for `home_in_language` in the same request."""
    memoized(_home_key(page.translation_key, page.locale_id), lambda: page)


def home_in_language(site, locale):
    """The translation of `site`'s root page in `locale` (drafts included, as Wagtail's
    `get_translation_or_none`), or None; no query when it is the page being served or the
    root itself, else once per request."""
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return memoized(_home_key(root.translation_key, locale.pk), lambda: root.get_translation_or_none(locale))


def with_active_locale(page):
    """`page`, its `locale` the request's memoised active Locale where it is in that language
    (its view and templates read it: one query less)."""
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        return page
    if page.locale_id == active.pk and "locale" not in page._state.fields_cache:
        page.locale = active
    return page


def routed_ancestors(page):
    """The ancestors of `page` from its site's home page down, when routing read them, else None."""
    ancestors = getattr(page, ROUTED_ANCESTORS, None)
    if ancestors is None:
        return None
    # Complete from depth 2 (the level below the tree's root) to the parent, or unknown.
    if [ancestor.depth for ancestor in ancestors] != list(range(2, page.depth)):
        return None
    return ancestors


def known_unrestricted(page):
    """Whether `page` certainly has no view restriction on itself or an ancestor, from what
    routing read and the request's hidden sections (website/visibility.py), without a query.

    Aliases take their source page's restrictions: any alias on the way leaves the answer
    to Wagtail's own check."""
    ancestors = routed_ancestors(page)
    if ancestors is None or page.alias_of_id or any(ancestor.alias_of_id for ancestor in ancestors):
        return False
    return not page.path.startswith(hidden_sections())


def view_restrictions(page, upstream):
    """`page.get_view_restrictions()`: none, without a query, when `known_unrestricted`."""
    if known_unrestricted(page):
        return PageViewRestriction.objects.none()
    return upstream()
