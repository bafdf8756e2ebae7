from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from headless import api
from website.sitemap import sitemap_index, sitemap_page
from website.views import private_image_file, robots_txt, root_redirect

# Non-content URLs stay outside the language prefixes, so they never redirect.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Images of private collections: never under /media/ (website/storage.py).
    path("private-media/<path:name>", private_image_file, name="private_image_file"),
    path("api/v3/", api.urls()),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_page, name="sitemap_page"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links to.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static_url, str)("website/icons/favicon-32.png"), permanent=True),
    ),
    path("", root_redirect, name="root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # The search page's address is in the visitor's language (/fr/recherche/, /es/buscar/),
    # like every page slug; the English address it had in every language still leads there.
    path(_("search/"), include("search.urls")),
    path("search/", RedirectView.as_view(pattern_name="search:search", query_string=True, permanent=True)),
    # Contact forms are sent here, not to their page: pages/contact_guard.py says why.
    path("contact-form/", include("pages.urls")),
    # Wagtail's page serving comes last: it catches everything else.
    path("", include(wagtail_urls)),
)
