"""GET /api/v3/search/?q=…&locale=…: the search page's results and facets as JSON.

Registered on Wagtail's v3 `api` by SearchConfig.ready(), before the URLconf
reads `api.urls` (django-ninja refuses routers added later).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from ninja import Router, Schema

from .query import PAGE_SIZE, SearchForm, run_search

router = Router(tags=["search"])


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    values: list[FacetValueOut]


class HitOut(Schema):
    id: int
    title: str
    url: str
    type: str
    locale: str
    snippet: str
    promoted: bool


class SearchOut(Schema):
    query: str
    locale: str
    total: int
    page: int
    pages: int
    page_size: int
    promotions: list[HitOut]
    results: list[HitOut]
    facets: list[FacetOut]


def _hit(hit, language):
    return {
        "id": hit.page.pk,
        "title": hit.page.title,
        "url": hit.page.url or "",
        "type": hit.content_type,
        "locale": language,
        "snippet": hit.snippet,
        "promoted": hit.promoted,
    }


@router.get("/", response=SearchOut, summary="Full-text search in one language")
def search(
    request,
    q: str = "",
    locale: str = settings.LANGUAGE_CODE,
    type: str = "",
    resource_type: str = "",
    topic: str = "",
    year: str = "",
    page: str = "",
):
    """Live, public pages of `locale` matching `q`, with facet counts; the snippet is HTML with <mark>."""
    if locale not in {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}:
        return HttpResponseBadRequest("Unknown locale.", content_type="text/plain")
    form = SearchForm(
        {"q": q, "type": type, "resource_type": resource_type, "topic": topic, "year": year, "page": page}
    )
    if not form.is_valid():
        return HttpResponseBadRequest("Invalid search parameters.", content_type="text/plain")
    with translation.override(locale):
        outcome = run_search(form.cleaned_data, locale)
        return {
            "query": outcome.query,
            "locale": locale,
            "total": outcome.total,
            "page": outcome.page_number,
            "pages": outcome.page_count,
            "page_size": PAGE_SIZE,
            "promotions": [_hit(hit, locale) for hit in outcome.promotions],
            "results": [_hit(hit, locale) for hit in outcome.hits],
            "facets": [
                {"name": facet.name, "label": facet.label, "values": [vars(value) for value in facet.values]}
                for facet in outcome.facets
            ],
        }


_registered = False


def register_api():
    global _registered
    if _registered:
        return
    from wagtail.api.v3.urls import api

    api.add_router("/search/", router)
    _registered = True
