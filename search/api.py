"""GET /api/v3/search/?q=…&locale=…: the search page's results and facets as JSON.

Facets and pagination have the library's shapes (resources/api.py,
website/api_schemas.py); headless/api.py mounts this router.
"""

from django.conf import settings
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous

from resources.api import FacetSchema, facet_representation
from website.api_schemas import ContentLanguage, PaginationSchema, pagination

from .query import MAX_QUERY_LENGTH, PAGE_SIZE, SearchForm, SearchUnavailable, run_search

router = Router(tags=["search"])

SLUG = r"^[-a-zA-Z0-9_]*$"


class SearchParams(Schema):
    q: str = Field("", description=f"Search text; only its first {MAX_QUERY_LENGTH} characters are searched")
    locale: ContentLanguage = Field(settings.LANGUAGE_CODE, description="Content language searched")
    kind: str = Field("", max_length=50, description="Page type: programmepage or resourcepage")
    type: str = Field(
        "", max_length=100, pattern=SLUG, description="Resource type slug, as `type` in library/"
    )
    topic: str = Field("", max_length=100, pattern=SLUG, description="Topic slug")
    year: int | None = Field(None, ge=1000, le=9999, description="Publication year")
    page: int = Field(1, ge=1, le=10_000, description="Page of results, from 1")


class HitOut(Schema):
    id: int | None = Field(description="Page id; null for a promoted external link")
    title: str
    url: str
    kind: str = Field(description="Page type: programmepage, resourcepage, or external for a promoted link")
    locale: str
    snippet: str
    promoted: bool


class SearchOut(Schema):
    query: str
    corrected_query: str = Field(
        "",
        description="When the query found nothing: the query with its typos corrected, whose results these are",
    )
    locale: str
    pagination: PaginationSchema
    promotions: list[HitOut]
    results: list[HitOut]
    facets: list[FacetSchema]


def _hit(hit, language):
    return {
        "id": hit.page.pk if hit.page is not None else None,
        "title": hit.title,
        "url": hit.url,
        "kind": hit.content_type,
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
        "`<mark>`. `pagination.count` counts `promotions` (editors' picks, shown first on page 1) and "
        "`results`. Filters and facets: `kind` is the page type; `type` (resource type), `topic` and "
        "`year` are the library's facets of publications, with the same values as in library/. "
        "Malformed parameters give 422 with the reasons in `errors`; an unknown page type 400; a "
        "search server that does not answer 503."
    ),
    url_name="headless_search",
    auth=[AllowAnonymous()],
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
            "corrected_query": outcome.corrected_query,
            "locale": params.locale,
            "pagination": pagination(
                request,
                count=outcome.total,
                page=outcome.page_number,
                page_size=PAGE_SIZE,
                num_pages=outcome.page_count,
            ),
            "promotions": [_hit(hit, params.locale) for hit in outcome.promotions],
            "results": [_hit(hit, params.locale) for hit in outcome.hits],
            "facets": [facet_representation(facet) for facet in outcome.facets],
        }
