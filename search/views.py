from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from .query import PAGE_SIZE, SearchForm, candidate_pages, clean_query, run_search, search_terms

SUGGESTION_COUNT = 8


def search_page(request):
    """/<lang>/search/?q=…: results in the visitor's language only."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Invalid search parameters."), content_type="text/plain; charset=utf-8"
        )
    language = translation.get_language()
    outcome = run_search(form.cleaned_data, language)
    return render(
        request,
        "search/search_page.html",
        {
            "form": form,
            "outcome": outcome,
            "page_size": PAGE_SIZE,
            "query_params": _params(form.cleaned_data),
        },
    )


def _params(data):
    """The current facet choices, to rebuild links that change one of them."""
    return {name: data[name] for name in ("q", "type", "resource_type", "topic", "year") if data.get(name)}


def suggest(request):
    """Titles that start like what the visitor typed, for the search box's list."""
    from wagtail.models import Locale

    query = clean_query(request.GET.get("q"))
    terms = search_terms(query)
    if not terms:
        return JsonResponse({"query": query, "suggestions": []})
    language = translation.get_language()
    locale = Locale.objects.get(language_code=language)
    backend = get_search_backend(language)
    results = backend.autocomplete(" ".join(terms), candidate_pages(locale))[:SUGGESTION_COUNT]
    suggestions = [{"title": page.title, "url": page.url} for page in results]
    return JsonResponse({"query": query, "suggestions": suggestions})
