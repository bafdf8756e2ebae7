"""`/sitemap.xml` with every live public page in every language and its hreflang alternates.

Workaround for two gaps in Wagtail 8's `wagtail.contrib.sitemaps`: it lists only
the pages under each Site's root page, so the French and Spanish trees (whose
home pages are translations beside the English root, not under it) are left
out; and it has no `xhtml:link rel="alternate" hreflang` entries, which search
engines need to serve each visitor the page in their language. Delete this
module when Wagtail's sitemap covers translated trees and emits alternates.

The view runs a fixed number of queries whatever the number of pages: the
pages in one query, their specific fields in one query per page type.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Locale, Page, Site

from website.seo import absolute_url
from website.visibility import public_pages, public_translations


def site_pages(site):
    """Live, public pages of the site's home page and of all its translations."""
    below_homes = Q()
    for home in public_translations(site.root_page).values():
        below_homes |= Q(path__startswith=home.path)
    if not below_homes:
        return Page.objects.none()
    pages = public_pages(Page.objects.filter(below_homes))
    return pages.order_by("path").specific(defer=False)


def sitemap_entries(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    pages = []
    for page in site_pages(site):
        # A page type can leave the sitemap by returning no URL (Wagtail's own hook).
        if not page.get_sitemap_urls(request):
            continue
        url = page.get_url(request)
        if url:
            pages.append((page, languages[page.locale_id], absolute_url(request, url)))

    by_key = defaultdict(dict)
    for page, language, url in pages:
        by_key[page.translation_key][language] = url

    entries = []
    for page, language, url in pages:
        versions = by_key[page.translation_key]
        alternates = []
        if len(versions) > 1:
            alternates = sorted(versions.items())
            if settings.LANGUAGE_CODE in versions:
                alternates.append(("x-default", versions[settings.LANGUAGE_CODE]))
        entries.append(
            {
                "location": url,
                "language": language,
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
    return entries


def sitemap_xml(request):
    response = TemplateResponse(
        request,
        "website/sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
    return response
