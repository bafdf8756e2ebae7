"""Workaround: API v3's `pages/find/?html_path=` ignores the language prefix of a page's path.

v3 routes `html_path` from the site's root page, as if every page were at `/<slug>/…`
(wagtail/api/v3/routers/pages.py, `find_page`). With WAGTAIL_I18N_ENABLED and content
URLs in `i18n_patterns`, a page's path is `/fr/<slug>/…` under its language's home (a
translation of the root page): every `/fr/…`, `/es/…` and `/en/…` path, which is what
`meta.html_url` and every `url` in the API give, was a 404. Here a path whose first
segment is a content language is routed from that language's home, with the rest of the
path; the page must be one v3's own queryset lets the caller see (drafts and private
pages stay hidden), and the answer is v3's: a redirect to the page's detail URL, the
other parameters kept. Any other path is left to v3.

Delete this module when v3's `find` routes paths with their language prefix.
"""

import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale

CONTENT_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def page_at(request, html_path, site=None):
    """The page at `html_path` (`/fr/…`) that the caller may see, or None."""
    components = [component for component in html_path.split("/") if component]
    if not components or components[0] not in CONTENT_LANGUAGES:
        return None
    site_obj = SiteFilterValidator(site=site, request=request).site_obj
    if site_obj is None:
        return None
    locale = Locale.objects.filter(language_code=components[0]).first()
    home = site_obj.root_page.get_translation_or_none(locale) if locale is not None else None
    if home is None:
        return None
    try:
        page, _args, _kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    return page if get_pages_queryset(request).filter(id=page.id).exists() else None


def find_with_language_prefix(view_func):
    """API-wide decorator; wraps v3's `find_page` only."""
    if view_func.__module__ != "wagtail.api.v3.routers.pages" or view_func.__name__ != "find_page":
        return view_func

    @functools.wraps(view_func)
    def find(request, *args, **kwargs):
        html_path = kwargs.get("html_path")
        page = page_at(request, html_path, kwargs.get("site")) if html_path else None
        if page is None:
            return view_func(request, *args, **kwargs)
        query = request.GET.copy()
        query.pop("id", None)
        query.pop("html_path", None)
        return redirect(
            f"{reverse('wagtailapi_v3:detail_page', kwargs={'page_id': page.pk})}?{query.urlencode()}"
        )

    return find


def apply_to_api(api):
    api.add_decorator(find_with_language_prefix, mode="operation")
