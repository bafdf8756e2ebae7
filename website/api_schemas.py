"""Shapes that every app's API router shares, so a front end meets each concept in one form.

Feature apps define their routers (resources/api.py, search/api.py) and the API layer
(headless/api.py) mounts them; both read these shapes from here, the layer below them all.
"""

from typing import Literal

from django.conf import settings
from django.utils.http import urlencode
from ninja import Field, Schema

from website.seo import site_base_url

ContentLanguage = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]


class PaginationSchema(Schema):
    count: int = Field(description="Number of results on every page together")
    page: int = Field(description="This page's number, from 1")
    page_size: int = Field(description="Results per page at most")
    num_pages: int = Field(description="Number of pages")
    next: str | None = Field(description="URL of the next page, or null on the last")
    previous: str | None = Field(description="URL of the previous page, or null on the first")


def _page_url(request, number):
    """This request's URL (every other parameter kept) for page `number`."""
    params = [(key, value) for key, values in request.GET.lists() if key != "page" for value in values]
    if number > 1:
        params.append(("page", number))
    query = urlencode(params)
    return site_base_url(request) + request.path + (f"?{query}" if query else "")


def pagination(request, *, count, page, page_size, num_pages):
    """The pagination object of a list answer, with the links to its neighbours."""
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "num_pages": num_pages,
        "next": _page_url(request, page + 1) if page < num_pages else None,
        "previous": _page_url(request, page - 1) if page > 1 else None,
    }
