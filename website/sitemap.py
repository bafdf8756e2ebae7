"""`/sitemap.xml`: a sitemap index of every live public page in every language, with hreflang alternates.

Workaround for two gaps in Wagtail 8's `wagtail.contrib.sitemaps`: it lists only
the pages under each Site's root page, so the French and Spanish trees (whose
home pages are translations beside the English root, not under it) are left
out; and it has no `xhtml:link rel="alternate" hreflang` entries, which search
engines need to serve each visitor the page in their language. Delete this
module when Wagtail's sitemap covers translated trees and emits alternates.

Scale (issue 19): at 30,000 pages one document was 17 MB and took 13 s, loading
every page object and computing each URL twice. Here `/sitemap.xml` is an index
of `/sitemap-<n>.xml` pages of at most MAX_URLS URLs (the protocol's limit) and
MAX_BYTES each. They are built from a few columns per page (no page objects:
one query for the site's home translations, one for the pages), each URL
computed once from the site root paths Wagtail caches, and the whole set is
kept in the cache until a page is published, unpublished, moved or deleted, a
view restriction or a site changes (then the next request builds it again), or
CACHE_TIMEOUT passes. Which pages are listed is the visibility policy's answer
(website/visibility.py): never a draft, a private page or one below either.
"""

import uuid
from collections import defaultdict
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from website.seo import site_base_url
from website.visibility import public_pages, public_translations

# The protocol's limits are 50,000 URLs and 50 MB (uncompressed) per sitemap; a smaller
# size keeps each response (and each cache entry) quick to send.
MAX_URLS = 50_000
MAX_BYTES = 10 * 1024 * 1024
CACHE_TIMEOUT = 24 * 60 * 60
VERSION_KEY = "website:sitemap:version"
# What `reverse` leaves unquoted in a path (django.urls.resolvers: RFC 3986 sub-delims, "/~:@").
PATH_SAFE = "!$&'()*+,;=/~:@"

NAMESPACES = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET_OPEN = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NAMESPACES} xmlns:xhtml="http://www.w3.org/1999/xhtml">'
URLSET_CLOSE = "\n</urlset>\n"


def site_page_rows(site):
    """(url_path, locale_id, translation_key, last_published_at) of the live, public pages of
    the site's home page and all its translations, in tree order. Two queries (plus the
    visibility policy's one per request)."""
    below_homes = Q()
    for home in public_translations(site.root_page).values():
        below_homes |= Q(path__startswith=home.path)
    if not below_homes:
        return []
    pages = public_pages(Page.objects.filter(below_homes)).order_by("path")
    return list(pages.values_list("url_path", "locale_id", "translation_key", "last_published_at"))


class PageUrls:
    """Each page's absolute URL from its `url_path`, as `Page.get_url_parts` makes it, without
    a page object: the matching site root path, then its language's prefix (one `reverse`
    per root path, not per page)."""

    def __init__(self, site, base):
        self.site = site
        self.base = base
        self.roots = []
        for root in Site.get_site_root_paths():
            with translation.override(root.language_code):
                prefix = reverse("wagtail_serve", args=("",))
            self.roots.append((root, prefix))

    def __call__(self, url_path):
        for root, prefix in self.roots:
            if url_path.startswith(root.root_path):
                path = prefix + quote(url_path[len(root.root_path) :], safe=PATH_SAFE)
                if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
                    path = path.rstrip("/")
                # A page that (also) belongs to another site keeps that site's address.
                return (self.base if root.site_id == self.site.pk else root.root_url.rstrip("/")) + path
        return None


def url_entries(site, base):
    """[(lastmod, XML of one <url>)] for every page of the site, each URL computed once."""
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    url_of = PageUrls(site, base)
    pages = []
    versions = defaultdict(dict)
    for url_path, locale_id, key, last_published_at in site_page_rows(site):
        url = url_of(url_path)
        if url:
            pages.append((url, last_published_at, key))
            versions[key][languages[locale_id]] = url

    alternates = {}
    for key, by_language in versions.items():
        if len(by_language) > 1:
            links = sorted(by_language.items())
            if settings.LANGUAGE_CODE in by_language:
                links.append(("x-default", by_language[settings.LANGUAGE_CODE]))
            alternates[key] = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>'
                for code, url in links
            )
    entries = []
    for url, lastmod, key in pages:
        lastmod_xml = f"\n    <lastmod>{timezone.localtime(lastmod).isoformat()}</lastmod>" if lastmod else ""
        entries.append(
            (
                lastmod,
                f"\n  <url>\n    <loc>{escape(url)}</loc>{lastmod_xml}{alternates.get(key, '')}\n  </url>",
            )
        )
    return entries


def split(entries):
    """The entries as sitemap documents of at most MAX_URLS URLs and MAX_BYTES each:
    [(bytes, number of URLs, newest lastmod)]."""
    max_urls, max_bytes = MAX_URLS, MAX_BYTES
    documents = []
    chunk, size, newest = [], 0, None
    frame = len((URLSET_OPEN + URLSET_CLOSE).encode())

    def close():
        body = (URLSET_OPEN + "".join(chunk) + URLSET_CLOSE).encode()
        documents.append((body, len(chunk), newest))

    for lastmod, xml in entries:
        length = len(xml.encode())
        if chunk and (len(chunk) >= max_urls or frame + size + length > max_bytes):
            close()
            chunk, size, newest = [], 0, None
        chunk.append(xml)
        size += length
        if lastmod and (newest is None or lastmod > newest):
            newest = lastmod
    if chunk:
        close()
    return documents


# The cache ------------------------------------------------------------------------------


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
    return version


def _key(site, base, part):
    return f"website:sitemap:{_version()}:{site.pk}:{base}:{part}"


def refresh(**kwargs):
    """Drop every cached sitemap: the next request builds them afresh."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _refresh_on_new_page(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page):
        refresh()


def refresh_on_publish():
    """Called once from `WebsiteConfig.ready`: what changes which pages are listed, or their lastmod."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(refresh, dispatch_uid=f"website.sitemap.refresh.{id(signal)}")
    post_delete.connect(refresh, sender=Page, dispatch_uid="website.sitemap.refresh.page_deleted")
    # A page created live (an import, a copy) is published without the signal.
    post_save.connect(_refresh_on_new_page, dispatch_uid="website.sitemap.refresh.page_created")
    for model in (PageViewRestriction, Site):
        post_save.connect(refresh, sender=model, dispatch_uid=f"website.sitemap.refresh.{model.__name__}")
        post_delete.connect(refresh, sender=model, dispatch_uid=f"website.sitemap.refresh.{model.__name__}.d")


def sitemaps(site, base):
    """{"index": [(number of URLs, newest lastmod)], 1: bytes, 2: bytes…}, cached."""
    index_key = _key(site, base, "index")
    found = cache.get(index_key)
    if found is not None:
        return found
    documents = split(url_entries(site, base))
    found = [(count, newest) for _body, count, newest in documents]
    cache.set_many(
        {
            index_key: found,
            **{_key(site, base, number): body for number, (body, _c, _n) in enumerate(documents, start=1)},
        },
        CACHE_TIMEOUT,
    )
    return found


def _xml_response(body):
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
    return response


def sitemap_index(request):
    site = Site.find_for_request(request)
    base = site_base_url(request)
    documents = sitemaps(site, base) if site is not None else []
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n', f"<sitemapindex {NAMESPACES}>"]
    for number, (_count, newest) in enumerate(documents, start=1):
        location = escape(base + reverse("sitemap_page", args=[number]))
        lastmod = f"\n    <lastmod>{timezone.localtime(newest).isoformat()}</lastmod>" if newest else ""
        parts.append(f"\n  <sitemap>\n    <loc>{location}</loc>{lastmod}\n  </sitemap>")
    parts.append("\n</sitemapindex>\n")
    return _xml_response("".join(parts))


def sitemap_page(request, number):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    base = site_base_url(request)
    documents = sitemaps(site, base)
    if not 1 <= number <= len(documents):
        raise Http404
    body = cache.get(_key(site, base, number))
    if body is None:  # evicted on its own, or the cache is down: build again
        refresh()
        documents = split(url_entries(site, base))
        if number > len(documents):
            raise Http404
        body = documents[number - 1][0]
    return _xml_response(body)
