"""GET route/?path=…: any public URL, in any language, to the page and its frame in one call."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.generic import RedirectView
from ninja import Query, Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from headless.components import CONTENT_LANGUAGES, breadcrumbs, home_page, locale_for, page_head, translations
from headless.schemas import RouteSchema
from website.seo import absolute_url
from website.visibility import is_page_public, visible_redirects

router = Router(tags=["route"])

MAX_PATH_LENGTH = 1024


def page_route(page, request):
    page_translations = translations(page, request)
    return {
        "page": page,
        "head": page_head(page, request, page_translations),
        "breadcrumbs": breadcrumbs(page, request),
        "translations": page_translations,
        "redirect": None,
        "view": None,
    }


def page_at(home, components):
    """The live page whose URL path is `components` under `home`, with its specific fields; two
    queries at any depth (Wagtail's `route()` reads each ancestor, and its specific page, in turn)."""
    if components:
        url_path = f"{home.url_path}{''.join(f'{component}/' for component in components)}"
        page = Page.objects.live().filter(url_path=url_path).select_related("locale").first()
    else:
        page = home  # read with its locale already
    if page is None:
        return None
    specific = page.specific
    specific.locale = page.locale  # read with the page: not once more for the specific one
    return specific


def find_page(request, components):
    if not components or components[0] not in CONTENT_LANGUAGES:
        return None
    home = home_page(request, locale_for(components[0]))
    if home is None:
        return None
    page = page_at(home, components[1:])
    if page is not None:
        return page if is_page_public(page) else None
    # Not a page's own path: a sub-route of a routable page, or nothing.
    try:
        page, args, kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    if (args or kwargs) and page.url_path != f"{home.url_path}{'/'.join(components[1:])}/".replace("//", "/"):
        # A sub-route of a routable page (e.g. the library's feed/) is not a page: find_view's.
        return None
    if not is_page_public(page):
        return None
    return page.specific


def find_redirect(request, path):
    """The Wagtail redirect for the percent-encoded `path`, found as Wagtail's middleware finds it.

    With the query string, then without; `get_redirect` decodes the path itself.
    """
    normalised = Redirect.normalise_path(path, decode_unicode=False)
    redirect = get_redirect(request, normalised)
    if redirect is None and "?" in normalised:
        redirect = get_redirect(request, urlsplit(normalised).path)
    if redirect is None or not visible_redirects(request).filter(pk=redirect.pk).exists():
        return None  # a redirect to a draft or private page is not reported
    return {"location": redirect.link, "permanent": redirect.is_permanent}


def root_redirect(request):
    """`/` leads to the home page in the default language (the HTML site picks by Accept-Language)."""
    home = home_page(request, locale_for(settings.LANGUAGE_CODE))
    return {"location": home.get_url(request), "permanent": False} if home is not None else None


def redirect_route(redirect):
    return {
        "page": None,
        "head": None,
        "breadcrumbs": [],
        "translations": [],
        "redirect": redirect,
        "view": None,
    }


def view_route(view):
    return {"page": None, "head": None, "breadcrumbs": [], "translations": [], "redirect": None, "view": view}


def find_view(request, components, path, query):
    """The route/ answer for the search page (or its English address, a redirect) or a routable
    page's view (the library's feed/); None for anything else."""
    if not components or components[0] not in CONTENT_LANGUAGES:
        return None
    language = components[0]
    with translation.override(language):  # i18n_patterns match the active language's prefix
        try:
            match = resolve(path)
        except Resolver404:
            return None
    redirect = view_redirect(match, language, query)
    if redirect is not None:
        return redirect_route(redirect)
    url = absolute_url(request, f"{path}?{query}" if query else path)
    if match.view_name == "search:search":
        api_query = urlencode({"locale": language, **({"q": query_value(query, "q")} if query else {})})
        api_url = f"{reverse('wagtailapi_v3:headless_search')}?{api_query}"
        return view_route({"name": "search", "url": url, "api_url": api_url, "page": None})
    home = home_page(request, locale_for(language))
    if home is None:
        return None
    try:
        page, args, _kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    resolver_match = getattr(request, "routable_resolver_match", None)
    if not args or resolver_match is None or not is_page_public(page):
        return None
    parent = {"id": page.pk, "title": page.title, "url": page.get_url(request)}
    return view_route({"name": resolver_match.url_name, "url": url, "api_url": None, "page": parent})


def query_value(query, name):
    return parse_qs(query).get(name, [""])[0]


def view_redirect(match, language, query):
    """Where a URLconf RedirectView (the English search address in every language) leads."""
    if getattr(match.func, "view_class", None) is not RedirectView:
        return None
    pattern_name = match.func.view_initkwargs.get("pattern_name")
    if pattern_name is None:
        return None
    with translation.override(language):
        location = reverse(pattern_name, args=match.args, kwargs=match.kwargs)
    return {"location": f"{location}?{query}" if query else location, "permanent": True}


@router.get(
    "/",
    response={200: RouteSchema, 400: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail},
    url_name="headless_route",
    summary="Resolve a public URL",
    description=(
        "Resolves the path of any public page, in any language (`/fr/…`), to the page's full detail, "
        "its head (what the HTML site puts in <head>: title, description, canonical and alternate URLs "
        "with x-default, social image, robots), its breadcrumbs and its live translations. `path` is a page's path as a `url` elsewhere in the "
        "API gives it (percent-encoded, decoded once as a URL path), URL-encoded as any query parameter "
        "value; a query string in it is ignored to find the page. A path that Wagtail redirects (matched "
        "with, then without, its query string), and `/` (the default language's home), answer 200 with "
        "`page` null and `redirect` giving the location and whether it is permanent; the search page "
        "and a routable page's view (the library's `feed/`) answer 200 with `page` null and `view` "
        "saying what it is and where its content is; a redirect to a "
        "page that is not public, and an unknown path, answer 404."
    ),
    operation_id="route",
    auth=[AllowAnonymous()],
)
def route(request: HttpRequest, path: str = Query(..., min_length=1, max_length=MAX_PATH_LENGTH)):
    # `path` is a URL path, percent-encoded as the API's `url` fields give it
    # (`/fr/%C3%A9v%C3%A9nements/`): decoded once, as Django decodes a request's path.
    path = "/" + path.lstrip("/")
    page_path = urlsplit(path).path
    try:
        decoded = unquote(page_path, errors="strict")
    except UnicodeDecodeError as error:
        raise HttpError(400, "The path is not percent-encoded UTF-8.") from error
    if any(ord(character) < 32 for character in decoded):
        # As the HTML site answers a NUL in its path; no URL holds control characters anyway.
        raise HttpError(400, "The path contains control characters.")
    components = [component for component in decoded.split("/") if component]
    if not components:
        redirect = root_redirect(request)
        if redirect is not None:
            return redirect_route(redirect)
    page = find_page(request, components)
    if page is not None:
        return page_route(page, request)
    view = find_view(
        request, components, decoded if decoded.endswith("/") else f"{decoded}/", urlsplit(path).query
    )
    if view is not None:
        return view
    redirect = find_redirect(request, path)
    if redirect is not None:
        return redirect_route(redirect)
    raise Http404(f"No public page at {page_path}.")
