"""Purging the shared HTTP cache (Varnish, Cloudflare, CloudFront) when what visitors read changes.

Public pages and API answers carry `Cache-Control: public, max-age=…`, so the
cache in front keeps them. When an editor publishes, unpublishes, moves or
renames a page (a translation's publication is a publication too), every URL
that shows it is purged, once the change is committed (purged earlier, a
visitor's request could put the old version back before the commit):

- the page itself in every language it is translated into;
- its ancestors in every language: their listings, cards and the home page show it;
- the pages elsewhere in the tree that list it, which the page names in its
  `pages_listing_it()` (a news item: its programmes, whose pages list the latest news);
- the library in every language, with its feed;
- the sitemaps;
- every API URL and every search result (`/api/v3/*`, `/<language>/search/*`: a
  path ending in `*` purges all URLs under it, query strings included;
  deploy/varnish/site.vcl does that, CloudFront does it natively, Cloudflare
  purges everything);
- everything (`/*`) when the page is in the menus (every page shows it), when it
  moved or its slug changed (its old URLs, and its children's, are gone).

Wagtail's own frontend-cache app is not installed: its handlers purge the page
alone, and through a task, which the worker runs after a delay during which the
cache serves the old version. Here the purge requests leave at commit.
"""

import logging

import requests
from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import CloudflareBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

LIBRARY_MODEL = ("resources", "ResourceIndexPage")


def page_urls(page):
    """The full URLs of `page` and its routable sub-pages (the library's feed)."""
    url = page.get_full_url()
    if url is None:
        return []
    return [url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def in_every_language(pages):
    """`pages` and their live translations."""
    found = {}
    for page in pages:
        for translation in page.get_translations(inclusive=True).live().specific(defer=True):
            found[translation.pk] = translation
    return found.values()


def site_roots():
    return [site.root_url for site in Site.objects.all()]


def urls_showing(page, everything=False):
    """Every URL whose content may change when `page` is published, unpublished or moved."""
    page = page.specific_deferred
    roots = site_roots()
    if everything or page.show_in_menus:
        return sorted(f"{root}/*" for root in roots)
    shown_on = [page, *page.get_ancestors().filter(depth__gt=1)]
    if hasattr(page, "pages_listing_it"):
        shown_on += list(page.pages_listing_it())
    library = apps.get_model(*LIBRARY_MODEL)
    shown_on += list(library.objects.live())
    urls = {url for shown in in_every_language(shown_on) for url in page_urls(shown)}
    urls.update(page_urls(page))  # an unpublished page is no longer live, but its URL still is cached
    for root in roots:
        urls.update({f"{root}/sitemap.xml", f"{root}/sitemap-*", f"{root}/api/v3/*"})
        urls.update(f"{root}/{code}/search/*" for code, _name in settings.LANGUAGES)
    return sorted(urls)


def purge(urls):
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(urls)
        except Exception:
            # The page is published all the same; the cache expires it within its max-age.
            logger.exception("The frontend cache %r could not purge %d URLs", name, len(urls))


def purge_on_commit(page, everything=False):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = urls_showing(page, everything)
    transaction.on_commit(lambda: purge(urls))


def page_changed(sender, instance, **kwargs):
    purge_on_commit(instance)


def page_moved_or_renamed(sender, instance, **kwargs):
    purge_on_commit(instance, everything=True)


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"website.frontend_cache.{signal}")
    for signal in (post_page_move, page_slug_changed):
        signal.connect(page_moved_or_renamed, dispatch_uid=f"website.frontend_cache.{signal}")


class CloudflareWildcardBackend(CloudflareBackend):
    """Wagtail's Cloudflare backend, purging everything where a URL ends in `*`.

    Cloudflare purges by prefix on its Enterprise plan only; purging the whole
    zone works on every plan.
    """

    def purge_batch(self, urls):
        if any(url.endswith("*") for url in urls):
            self.purge_everything()
        else:
            super().purge_batch(urls)

    def purge_everything(self):
        headers = {"Content-Type": "application/json"}
        if self.cloudflare_token:
            headers["Authorization"] = f"Bearer {self.cloudflare_token}"
        else:
            headers["X-Auth-Email"] = self.cloudflare_email
            headers["X-Auth-Key"] = self.cloudflare_api_key
        response = requests.post(
            self.cloudflare_purge_endpoint_url, json={"purge_everything": True}, headers=headers, timeout=30
        )
        if not response.ok or not response.json().get("success"):
            logger.error("Cloudflare did not purge the zone: HTTP %s", response.status_code)
