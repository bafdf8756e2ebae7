"""The one API: Wagtail's v3 instance plus the routers a decoupled front end needs.

Importing this module (website/urls.py does) mounts everything on
`/api/v3/`, so a single OpenAPI document describes it all. Each app owns its
router (resources/api.py, search/api.py); this module, the top layer, mounts
them all in one list, before the URLconf reads `api.urls` (django-ninja
refuses routers added later), whatever the order of INSTALLED_APPS.
"""

from django.conf import settings
from django.urls import URLPattern
from django.urls.resolvers import RoutePattern
from django.views.decorators.csp import csp_override
from wagtail.api.v3.urls import api

import upstream
from headless.absolute_urls import AbsoluteUrlsRenderer
from headless.openapi import document_errors
from headless.routers import navigation, preview, route, site
from resources import api as library
from search import api as search

# The interactive docs (/api/v3/docs/) are Swagger UI, served from this site's
# static files ("ninja" in INSTALLED_APPS) with no inline script. It draws its
# icons as data: images: only this page's policy allows them.
DOCS_CSP = {**settings.SECURE_CSP, "img-src": [*settings.SECURE_CSP["img-src"], "data:"]}


_gate_docs = api.docs_decorator  # v3's: WAGTAILAPI_DOCS_ENABLED can turn the docs off


def serve_docs_with_their_csp(view):
    return csp_override(DOCS_CSP)(_gate_docs(view))


upstream.apply_to_api(api)  # upstream/__init__.py: v3's workarounds, in their documented order
api.renderer = AbsoluteUrlsRenderer()
api.docs_decorator = serve_docs_with_their_csp
_build_openapi_schema = api.get_openapi_schema
api.get_openapi_schema = lambda *args, **kwargs: document_errors(_build_openapi_schema(*args, **kwargs))
ROUTERS = {
    "/route/": route.router,
    "/navigation/": navigation.router,
    "/site/": site.router,
    "/preview/": preview.router,
    "/library/": library.router,
    "/search/": search.router,
}
for prefix, router in ROUTERS.items():
    api.add_router(prefix, router)


def _without_trailing_slash(pattern):
    """`pattern` answering at its route without the final slash, unnamed (reverse() keeps the slash)."""
    route = str(pattern.pattern)
    return URLPattern(
        RoutePattern(route.removesuffix("/"), is_endpoint=True), pattern.callback, pattern.default_args
    )


def urls():
    """api.urls, each route also answering without its trailing slash.

    The OpenAPI document writes paths without it, as Redocly's recommended rules want
    (headless.openapi); URLs the API gives (`detail_url`, `find/`'s Location) keep it.
    Django's APPEND_SLASH would redirect only a GET, and lose a write's body.
    """
    patterns, app_name, namespace = api.urls
    twins = [
        _without_trailing_slash(pattern)
        for pattern in patterns
        if isinstance(pattern, URLPattern) and str(pattern.pattern).endswith("/")
    ]
    return [*patterns, *twins], app_name, namespace


__all__ = ["api", "urls"]
