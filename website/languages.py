"""The languages a page exists in, for hreflang links and the language switcher."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from website.visibility import public_translations


@dataclass(frozen=True)
class PageLanguage:
    code: str
    name: str
    url: str
    is_current: bool
    translated: bool


def language_name(code):
    """The language's own name for itself ("français"), as visitors look for it."""
    return translation.get_language_info(code)["name_local"]


def home_url(code):
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def view_languages(request):
    """For a view that is not a Wagtail page (the search page): the same view in each
    language, with the same query string, or None if the view cannot be reversed."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return None
    query = request.GET.urlencode()
    current = translation.get_language()
    result = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        try:
            with translation.override(code):
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
        result.append(
            PageLanguage(
                code=code,
                name=language_name(code),
                url=f"{url}?{query}" if query else url,
                is_current=code == current,
                translated=True,
            )
        )
    return result


def page_languages(page, request):
    """One entry per content language: the live, public translation or a fallback.

    Runs one query whatever the number of languages.
    """
    if not page and request is not None:  # templates pass "" for a missing `page`
        languages = view_languages(request)
        if languages is not None:
            return languages
    current = translation.get_language()
    translations = public_translations(page) if page else {}  # templates pass "" for a missing `page`
    result = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        found = translations.get(code)
        url = found.get_url(request) if found is not None else f"{home_url(code)}?untranslated=1"
        result.append(
            PageLanguage(
                code=code,
                name=language_name(code),
                url=url,
                is_current=code == current,
                translated=found is not None,
            )
        )
    return result
