"""Workarounds: API v3 answers some bad input with a 500 or the wrong status.

Each gap below is separate, with its own canary in
tests/upstream/test_wagtail_api_bad_input.py; delete its part when Wagtail
fixes it, and this module with the last one. Upstream: no issue found in
wagtail/wagtail for any of them (API v3 is new in Wagtail 8); the texts to file
are in upstream/ISSUES.md.

- `offset` has no upper bound (`WagtailLimitOffsetPagination.Input`): an
  offset past 2**63 reaches the database as a slice, a server error ("datatype
  mismatch" on SQLite, "bigint out of range" on PostgreSQL) on every list
  (`pages/`, `images/`, `documents/`, `redirects/`). `bound_offsets` caps it,
  so the schema documents the limit and a larger value is a 422.
- `pages/?locale=xx` answers 404 ("No Locale matches the given query."), as if
  the list did not exist: `refuse_unknown_locales` makes it a 422 that names
  the languages there are.
- `search` has no bound (`SearchSchema`): a thousand terms, or one term of
  65 KB, on `pages/`, `images/`, `documents/` or `snippets/{type}/` is a server
  error on SQLite ("Expression tree is too large", "LIKE or GLOB pattern too
  complex") and takes seconds on PostgreSQL. `bound_searches` applies the
  site's own search limits, which the search app hands over with
  `use_search_limits()` (search.query: MAX_QUERY_LENGTH characters, MAX_TERMS
  terms), and answers a 400 that names the limit.
- A page write whose `{page_id}` is not a whole number (`PATCH pages/1.5/`)
  is a server error: v3 looks the page's type up with the raw path parameter
  before validating it. `refuse_malformed_page_ids` makes it the 422 that a
  GET of the same URL gets.
- Copying, moving or aliasing the root page, or moving a page beside it, is
  a server error (AttributeError: the root has no parent).
  `refuse_moves_around_the_root` answers a 400 instead.
- A field that fails while a response is built (its value raises: the
  database or another service gone) is answered as a 422 "Validation failed"
  whose `msg` is the exception's text, host and port included (pydantic's
  `get_attribute_error`). `server_faults_are_500s` makes it a logged 500 whose
  body says nothing of the cause.
"""

import functools
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from ninja import Field
from ninja.errors import HttpError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import as_validation_error, problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import SearchSchema
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

UPSTREAM_PAGINATION_INPUT = WagtailLimitOffsetPagination.Input
UPSTREAM_SEARCH_QUERYSET = SearchSchema.search_queryset

# Far beyond any list this site holds, far below what a database can slice.
MAX_OFFSET = 100_000


class BoundedLimitOffsetInput(UPSTREAM_PAGINATION_INPUT):
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


def bound_offsets():
    """Before any router is built: each paginated view reads its paginator's Input when decorated."""
    WagtailLimitOffsetPagination.Input = BoundedLimitOffsetInput


class UnknownLocale(LookupError):
    """Reported as an `unknown_locale` validation error."""


def filter_known_locale(self, value):
    """v3's `PageFilterSchema.filter_locale`, with a 422 for a language the site does not have."""
    if not value:
        return Q()
    locale = Locale.objects.filter(language_code=value).first()
    if locale is None:
        languages = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        message = f"Unknown locale {value!r}; use one of {languages}."
        raise as_validation_error(UnknownLocale(message), loc=("query", "locale"))
    return Q(locale=locale)


def refuse_unknown_locales():
    """Once the API is built: importing v3's page router builds its schemas."""
    from wagtail.api.v3.routers.pages import PageFilterSchema

    PageFilterSchema.filter_locale = filter_known_locale


_search_limits = {}


def use_search_limits(*, max_characters, max_terms):
    """The site's own search limits, handed over by the app that owns them."""
    _search_limits.update(max_characters=max_characters, max_terms=max_terms)


def refuse_unbounded_search(search):
    """A 400 naming the limit for a `search` value the site's own search would not run."""
    if search is None:
        return
    if not _search_limits:
        raise ImproperlyConfigured(
            "upstream.wagtail_api_bad_input needs use_search_limits() before a search."
        )
    if len(search) > _search_limits["max_characters"]:
        raise HttpError(400, f"search is longer than {_search_limits['max_characters']} characters.")
    # v3 searches the database backend, which matches each whitespace-separated term.
    if len(search.split()) > _search_limits["max_terms"]:
        raise HttpError(400, f"search has more than {_search_limits['max_terms']} terms.")


@functools.wraps(UPSTREAM_SEARCH_QUERYSET)
def bounded_search_queryset(self, request, queryset):
    refuse_unbounded_search(self.search)
    return UPSTREAM_SEARCH_QUERYSET(self, request, queryset)


def bound_searches():
    """Every v3 list with `search` uses SearchSchema."""
    SearchSchema.search_queryset = bounded_search_queryset


def refuse_malformed_page_ids():
    """Once the API is built: v3's page router builds its body models."""
    from wagtail.api.v3.schemas.pages import PageTypeInjectingBodyModel

    get_meta_type = PageTypeInjectingBodyModel.get_meta_type.__func__

    def checked_get_meta_type(cls, request, api, path_params):
        page_id = str(path_params.get(cls.page_id_param, ""))
        if not page_id.isdigit():
            error = ValueError("Input should be a valid integer.")
            raise as_validation_error(error, loc=("path", cls.page_id_param))
        return get_meta_type(cls, request, api, path_params)

    PageTypeInjectingBodyModel.get_meta_type = classmethod(checked_get_meta_type)


# v3's page actions that give a page a parent, and the positions that share the target's parent.
PARENTING_ACTIONS = {"copy", "move", "create_alias"}
SIBLING_POSITIONS = {"left", "right", "first-sibling", "last-sibling"}


def refuse_moves_around_the_root(view_func):
    """API-wide decorator for v3's copy, move and create_alias page actions."""
    if view_func.__module__ != "wagtail.api.v3.routers.pages" or view_func.__name__ not in PARENTING_ACTIONS:
        return view_func

    @functools.wraps(view_func)
    def checked(request, *args, **kwargs):
        roots = Page.objects.filter(depth=1)
        if roots.filter(pk=kwargs.get("page_id")).exists():
            raise HttpError(400, "The root page cannot be copied, moved or aliased.")
        data = kwargs.get("data")
        if (
            getattr(data, "position", None) in SIBLING_POSITIONS
            and roots.filter(pk=getattr(data, "destination_id", None)).exists()
        ):
            raise HttpError(400, "No page can be placed beside the root page: use a child position.")
        return view_func(request, *args, **kwargs)

    return checked


def server_faults_are_500s(api):
    """After v3 registered its handlers: a response that could not be built is the server's fault."""
    # v3 registers its handler as a closure (wagtail/api/v3/errors.py): only ninja's
    # mapping holds it, and handlers replace each other, so ours delegates to it.
    answer_validation_error = api._exception_handlers[PydanticValidationError]

    def handle(request, exc):
        if any(error["type"] == "get_attribute_error" for error in exc.errors()):
            logger.error("Building the API response for %s failed", request.path, exc_info=exc)
            return problem_response(status=500, detail="The server could not build this response.")
        return answer_validation_error(request, exc)

    api.add_exception_handler(PydanticValidationError, handle)


def apply():
    """Before any router is built."""
    bound_offsets()
    bound_searches()


def apply_to_api(api):
    """Once v3's routers exist (importing them builds the page schemas)."""
    refuse_unknown_locales()
    refuse_malformed_page_ids()
    server_faults_are_500s(api)
    api.add_decorator(refuse_moves_around_the_root, mode="operation")
