"""GET navigation/?locale=fr: the menu tree for one language (plone.restapi's `@navigation`)."""

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page

from headless.components import home_page, locale_for
from website.api_schemas import ContentLanguage
from website.visibility import public_pages

router = Router(tags=["navigation"])

MENU_DEPTH = 2  # top-level sections and their sub-pages


class MenuItemSchema(Schema):
    id: int
    title: str
    url: str | None
    children: list["MenuItemSchema"] = []


class NavigationSchema(Schema):
    locale: str
    home: MenuItemSchema
    items: list[MenuItemSchema]


def menu_tree(home, request):
    """Pages shown in menus below `home`, two levels deep; one query."""
    pages = (
        public_pages(Page.objects.descendant_of(home))
        .filter(show_in_menus=True, depth__lte=home.depth + MENU_DEPTH)
        .order_by("path")
    )
    items_by_path = {}
    roots = []
    for page in pages:
        item = {"id": page.pk, "title": page.title, "url": page.get_url(request), "children": []}
        items_by_path[page.path] = item
        if page.depth == home.depth + 1:
            roots.append(item)
        else:
            parent = items_by_path.get(page.path[: -Page.steplen])
            if parent is not None:  # a sub-page shows only under a parent in the menu
                parent["children"].append(item)
    return roots


@router.get(
    "/",
    response={200: NavigationSchema, 404: ProblemDetail, 422: ProblemDetail},
    url_name="headless_navigation",
    summary="Menu tree for a language",
    operation_id="navigation",
    auth=[AllowAnonymous()],
)
def navigation(request: HttpRequest, locale: ContentLanguage = settings.LANGUAGE_CODE):
    home = home_page(request, locale_for(locale))
    if home is None:
        raise Http404(f"The site has no public home page in {locale!r}.")
    return {
        "locale": locale,
        "home": {"id": home.pk, "title": home.title, "url": home.get_url(request), "children": []},
        "items": menu_tree(home, request),
    }
