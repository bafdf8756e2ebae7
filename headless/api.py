"""The one API: Wagtail's v3 instance plus the routers a decoupled front end needs.

Importing this module (website/urls.py does) mounts everything on
`/api/v3/`, so a single OpenAPI document describes it all.
"""

from wagtail.api.v3.urls import api

from headless.absolute_urls import patch_v3_urls
from headless.bad_input import refuse_unknown_locales
from headless.routers import library, navigation, preview, route, site
from headless.visibility import hide_redirects_to_hidden_pages, patch_v3_querysets
from headless.write_guard import refuse_writes_to_translations

patch_v3_querysets()
patch_v3_urls()
refuse_unknown_locales()
api.add_decorator(refuse_writes_to_translations, mode="operation")
api.add_decorator(hide_redirects_to_hidden_pages, mode="operation")
api.add_router("/route/", route.router)
api.add_router("/navigation/", navigation.router)
api.add_router("/site/", site.router)
api.add_router("/preview/", preview.router)
api.add_router("/library/", library.router)

__all__ = ["api"]
