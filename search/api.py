"""GET /api/v3/search/?q=…&locale=…: the search page's results and facets as JSON.

Registered on Wagtail's v3 `api` by SearchConfig.ready(), before the URLconf
reads `api.urls` (django-ninja refuses routers added later).
"""

from typing import Literal

from django.conf import settings
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from .query import MAX_QUERY_LENGTH, PAGE_SIZE, SearchForm, SearchUnavailable, run_search

router = Router(tags=["search"])

ContentLanguage = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
SLUG = r"^[-a-zA-Z0-9_]*$"


class SearchParams(Schema):
    q: str = Field("", description=f"Search text; only its first {MAX_QUERY_LENGTH} characters are searched")
    locale: ContentLanguage = Field(settings.LANGUAGE_CODE, description="Content language searched")
    type: str = Field("", max_length=50, description="Content type: programmepage or resourcepage")
    resource_type: str = Field("", max_length=100, pattern=SLUG, description="Resource type slug")
    topic: str = Field("", max_length=100, pattern=SLUG, description="Topic slug")
    year: int | None = Field(None, ge=1000, le=9999, description="Publication year")
    page: int = Field(1, ge=1, le=10_000, description="Page of results, from 1")


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
    id: int | None = Field(description="Page id; null for a promoted external link")
    title: str
    url: str
    type: str = Field(description="programmepage, resourcepage, or external for a promoted link")
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
        "id": hit.page.pk if hit.page is not None else None,
        "title": hit.title,
        "url": hit.url,
        "type": hit.content_type,
        "locale": language,
        "snippet": hit.snippet,
        "promoted": hit.promoted,
    }


@router.get(
    "/",
    response=SearchOut,
    summary="Full-text search in one language",
    description=(
        "Live, public pages of `locale` matching `q`, with facet counts; `snippet` is HTML with "
        "`<mark>`. `total` counts `promotions` (editors' picks, shown first on page 1) and `results`. "
        "Malformed parameters give 422 with the reasons in `errors`; an unknown content type 400; a "
        "search server that does not answer 503."
    ),
)
def search(request, params: Query[SearchParams]):
    form = SearchForm(params.dict())
    with translation.override(params.locale):
        if not form.is_valid():
            raise HttpError(400, " ".join(form.error_messages()))
        try:
            outcome = run_search(form.cleaned_data, params.locale)
        except SearchUnavailable as error:
            raise HttpError(503, "Search is unavailable at the moment; try again in a minute.") from error
        return {
            "query": outcome.query,
            "locale": params.locale,
            "total": outcome.total,
            "page": outcome.page_number,
            "pages": outcome.page_count,
            "page_size": PAGE_SIZE,
            "promotions": [_hit(hit, params.locale) for hit in outcome.promotions],
            "results": [_hit(hit, params.locale) for hit in outcome.hits],
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
