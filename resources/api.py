"""GET library/?locale=fr&type=…&topic=…: the resource library's list with its facet counts.

Runs the library's own search module (resources/library.py) with the same
parameters as the HTML library page, so both give the same publications,
totals and counts. Labels are in the language asked for.

The facet shape (`FacetSchema`, `facet_representation`) is the taxonomy's, and
so this app's: the site search (search/api.py) answers its facets in it too.
headless/api.py mounts this router.
"""

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import create_model
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Locale

from resources.api_representations import PublicationSchema, publication_card
from resources.library import (
    FILTER_PARAMS,
    MAX_QUERY_LENGTH,
    SORTS,
    LibrarySearch,
    public_library,
)
from website.api_schemas import ContentLanguage, PaginationSchema, pagination

router = Router(tags=["library"])


class LibraryParams(Schema):
    locale: ContentLanguage = settings.LANGUAGE_CODE
    q: str = Field("", max_length=MAX_QUERY_LENGTH * 2, description="Search text")
    type: list[str] = Field(
        [], description="Resource type slugs (as in search/, where the page type is `kind`)"
    )
    topic: list[str] = Field([], description="Topic slugs")
    programme: list[str] = Field([], description="Programme slugs (source language)")
    region: list[str] = Field([], description="Region slugs")
    country: list[str] = Field([], description="ISO 3166 country codes")
    language: list[str] = Field([], description="ISO 639-1 codes of the files' languages")
    year: list[str] = Field([], description="Publication years")
    sort: str = Field("", description=f"One of {', '.join(SORTS)}")
    page: str = Field("", description="Page number, from 1")


class FacetOptionSchema(Schema):
    value: str = Field(description="The value to give the facet's parameter")
    label: str = Field(description="The value's name in the language asked for")
    count: int = Field(description="Results with this value, given the other filters")
    selected: bool = Field(description="Whether the request filters by this value")


class FacetSchema(Schema):
    name: str = Field(description="The query parameter that filters by this facet")
    label: str
    options: list[FacetOptionSchema]


def facet_representation(facet):
    return {
        "name": facet.name,
        "label": str(facet.label),
        "options": [
            {
                "value": option.value,
                "label": str(option.label),
                "count": option.count,
                "selected": option.selected,
            }
            for option in facet.options
        ],
    }


class LibraryPageSchema(Schema):
    id: int
    title: str
    url: str | None


# One property per filter (not a free-form map), so that generated clients type each.
LibraryFiltersSchema = create_model(
    "LibraryFiltersSchema",
    __base__=Schema,
    __doc__="The values each filter of the request selects (empty: not filtered by it).",
    **{name: (list[str], Field(description=f"Selected `{name}` values")) for name in FILTER_PARAMS},
)


class LibrarySchema(Schema):
    locale: str
    library: LibraryPageSchema
    pagination: PaginationSchema
    sort: str
    query: str
    filters: LibraryFiltersSchema
    facets: list[FacetSchema]
    items: list[PublicationSchema]


@router.get(
    "/",
    response=LibrarySchema,
    url_name="headless_library",
    summary="Resource library: filtered list and facet counts",
    description=(
        "The same filters, results and counts as the HTML library page in that language. Several "
        "values of one filter are combined with OR, different filters with AND. Unknown filter values "
        "give 400 with the reasons in `errors`; a page past the last gives 404."
    ),
    operation_id="library",
    auth=[AllowAnonymous()],
)
def library(request: HttpRequest, params: Query[LibraryParams]):
    locale = Locale.objects.get_for_language(params.locale)  # read once per request (upstream/)
    page = public_library(locale)
    if page is None:
        raise Http404(f"The site has no public resource library in {params.locale!r}.")
    with translation.override(params.locale):
        result = LibrarySearch(request.GET, page, locale).result()
        if result.errors:
            raise HttpError(400, " ".join(str(error) for error in result.errors))
        if result.page_not_found:
            raise Http404(f"There is no page {result.page_number} of this list.")
        return {
            "locale": params.locale,
            "library": {"id": page.pk, "title": page.title, "url": page.get_url(request)},
            "pagination": pagination(
                request,
                count=result.total,
                page=result.page_number,
                page_size=result.page_size,
                num_pages=result.num_pages,
            ),
            "sort": result.sort,
            "query": result.query,
            "filters": result.filters,
            "facets": [facet_representation(facet) for facet in result.facets],
            "items": [publication_card(item, request) for item in result.items],
        }
