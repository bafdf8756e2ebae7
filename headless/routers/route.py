"""GET route/?path=…: any public URL, in any language, to the page and its frame in one call."""

from urllib.parse import unquote

from django.http import Http404, HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from headless.components import CONTENT_LANGUAGES, breadcrumbs, home_page, locale_for, translations
from headless.schemas import RouteSchema
from headless.visibility import is_public, public_pages

router = Router(tags=["route"])

MAX_PATH_LENGTH = 1024


def page_route(page, request):
    return {
        "page": page,
        "breadcrumbs": breadcrumbs(page, request),
        "translations": translations(page, request),
        "redirect": None,
    }


def find_page(request, components):
    if not components or components[0] not in CONTENT_LANGUAGES:
        return None
    home = home_page(request, locale_for(components[0]))
    if home is None:
        return None
    try:
        page, args, kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    if (args or kwargs) and page.url_path != f"{home.url_path}{'/'.join(components[1:])}/".replace("//", "/"):
        # A sub-route of a routable page (e.g. the library's feed/) is not a page.
        return None
    if not public_pages(Page.objects.filter(pk=page.pk)).exists():
        return None
    return page.specific


def find_redirect(request, path):
    site = Site.find_for_request(request)
    redirect = (
        Redirect.get_for_site(site)
        .filter(old_path=Redirect.normalise_path(path))
        .select_related("redirect_page")
        .first()
    )
    if redirect is None or (redirect.redirect_page and not is_public(redirect.redirect_page)):
        return None
    return {"location": redirect.link, "permanent": redirect.is_permanent}


@router.get(
    "/",
    response=RouteSchema,
    url_name="headless_route",
    summary="Resolve a public URL",
    description=(
        "Resolves the path of any public page, in any language (`/fr/…`), to the page's full detail, "
        "its breadcrumbs and its live translations. A path that Wagtail redirects answers 200 with "
        "`page` null and `redirect` giving the location and whether it is permanent; an unknown path "
        "answers 404."
    ),
    operation_id="route",
    auth=[AllowAnonymous()],
)
def route(request: HttpRequest, path: str = Query(..., min_length=1, max_length=MAX_PATH_LENGTH)):
    path = unquote(path)
    if any(ord(character) < 32 for character in path):
        # PostgreSQL refuses NUL in a string; no URL holds control characters anyway.
        raise HttpError(400, "The path contains control characters.")
    if not path.startswith("/"):
        path = f"/{path}"
    components = [component for component in path.split("/") if component]
    page = find_page(request, components)
    if page is not None:
        return page_route(page, request)
    redirect = find_redirect(request, path)
    if redirect is not None:
        return {"page": None, "breadcrumbs": [], "translations": [], "redirect": redirect}
    raise Http404(f"No public page at {path}.")
