from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .query import (
    FILTERS,
    PAGE_SIZE,
    SearchForm,
    SearchOutcome,
    SearchUnavailable,
    clean_query,
    run_search,
    suggestions,
)

SUGGESTION_COUNT = 8


def search_page(request):
    """/<lang>/search/?q=…: results in the visitor's language only.

    Malformed parameters give the page itself with a 400 and what was wrong; a
    search server that does not answer gives it with a 503 and an apology.
    """
    form = SearchForm(request.GET)
    language = translation.get_language()
    context = {"form": form, "page_size": PAGE_SIZE, "errors": [], "unavailable": False}
    status = 200
    if not form.is_valid():
        context["errors"] = form.error_messages()
        context["outcome"] = SearchOutcome(query=clean_query(request.GET.get("q")), language=language)
        status = 400
    else:
        try:
            context["outcome"] = run_search(form.cleaned_data, language)
        except SearchUnavailable:
            context["outcome"] = SearchOutcome(query=form.cleaned_data["q"], language=language)
            context["unavailable"] = True
            status = 503
        context["query_params"] = _params(form.cleaned_data)
    response = render(request, "search/search_page.html", context, status=status)
    if status == 503:
        response["Retry-After"] = "60"
    return response


def _params(data):
    """The current facet choices, to rebuild links that change one of them."""
    return {name: data[name] for name in ("q", *FILTERS) if data.get(name)}


def suggest(request):
    """Titles that start like what the visitor typed, for the search box's list."""
    query = clean_query(request.GET.get("q"))
    try:
        pages = suggestions(query, translation.get_language(), SUGGESTION_COUNT)
    except SearchUnavailable:
        return JsonResponse(
            {"query": query, "suggestions": [], "error": _("Search is unavailable at the moment.")},
            status=503,
            headers={"Retry-After": "60"},
        )
    return JsonResponse(
        {"query": query, "suggestions": [{"title": page.title, "url": page.url} for page in pages]}
    )
