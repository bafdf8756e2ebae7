"""The pieces of a page a front end needs besides its fields: breadcrumbs and translations.

In the spirit of plone.restapi's `@breadcrumbs` and `@translations` components.
"""

from django.conf import settings
from django.http import Http404
from wagtail.models import Locale, Page, Site

from website import seo
from website.languages import language_name
from website.visibility import public_pages, public_translations

CONTENT_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def breadcrumbs(page, request):
    """From the home page down to `page` itself; one query, which also gives `page` its parent
    (API v3's `meta.parent` would read it again)."""
    paths = [page.path[: Page.steplen * depth] for depth in range(1, page.depth)]
    ancestors = sorted(Page.objects.filter(path__in=paths), key=lambda ancestor: ancestor.depth)
    if ancestors and ancestors[-1].depth == page.depth - 1:
        page._cached_parent_obj = ancestors[-1]  # treebeard's cache of get_parent()
    # From depth 2, the home page: the tree root above it is not a page visitors see.
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
    return [
        {"id": item.pk, "title": item.title, "url": item.get_url(request) if item.pk else None}
        for item in [*ancestors, page]
    ]


def translations(page, request):
    """Each live, public translation of `page` (itself included); two queries."""
    found = public_translations(page)
    return [
        {
            "language": code,
            "language_name": language_name(code),
            "id": found[code].pk,
            "title": found[code].title,
            "url": found[code].get_url(request),
        }
        for code in CONTENT_LANGUAGES
        if code in found
    ]


def page_head(page, request, translations):
    """The page's <head> as the HTML site writes it (website/templates/base.html); `translations`
    as `translations()` gives them. Reads only the social image (and its rendition), if any."""
    title = page.seo_title or page.title
    alternates = [
        {"hreflang": item["language"], "href": seo.absolute_url(request, item["url"])}
        for item in translations
        if item["url"]
    ]
    default = next((item for item in alternates if item["hreflang"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        alternates.append({"hreflang": "x-default", "href": default["href"]})
    return {
        "url": page.get_url(request),
        "title": title,
        "description": seo.page_description(page),
        "canonical": seo.canonical_url(request, page),
        # A preview (headless/routers/preview.py) is a draft: never indexed, as on the HTML site.
        "robots": "noindex, nofollow" if getattr(request, "headless_preview", False) else "index, follow",
        "og_type": "article" if page.depth > 2 else "website",
        "og_locale": seo.open_graph_locale(page.locale.language_code),
        "og_image": seo.social_image(request, page),
        "alternates": alternates,
    }


def locale_for(language):
    """The Locale of a content language, or a 404 naming the languages there are."""
    if language not in CONTENT_LANGUAGES:
        raise Http404(f"Unknown language {language!r}; use one of {', '.join(CONTENT_LANGUAGES)}.")
    return Locale.objects.get_for_language(
        language
    )  # read once per request (upstream/wagtail_locale_lookups.py)


def home_page(request, locale):
    """The site's home page in `locale`, if it is live and public."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    home = public_pages(Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale))
    return home.select_related("locale").first()
