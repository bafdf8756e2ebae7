"""The pages a visitor can meet in each language, and what a page makes the browser load.

Shared by the HTTP checks (tests/demo/test_public_site.py) and the browser
tests (tests/browser/). The library and publications come from their own app;
where a kind has no live page, it is reported as missing with the reason, and
the tests that need it skip saying so. Search has no such way out.
"""

from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import resolve, reverse
from django.utils import translation

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PAGE_KINDS = (
    "home",
    "programme_index",
    "programme",
    "library",
    "publication",
    "standard",
    "contact",
    "news_index",
    "news",
    "event_index",
    "event",
    "search",
    "not_found",
)
# A word of the demo content in each language it is written in; any other language looks
# for the UN Declaration's symbol, which every language writes alike.
SEARCH_WORDS = {
    code: {"en": "defenders", "fr": "défenseurs", "es": "defensores"}.get(code, "A/RES/53/144")
    for code in LANGUAGES
}
# Pages plus their stylesheets and scripts, uncompressed, images apart (issue 7).
PAGE_WEIGHT_BUDGET = 100 * 1024


def live_pages(app_label, model_name, language):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return list(model.objects.live().public().filter(locale__language_code=language).order_by("path"))


def search_url(language):
    """The search results URL in `language`, for its SEARCH_WORDS.

    Search is built: an address that no longer reaches the search view fails
    the tests that use it instead of skipping them.
    """
    with translation.override(language):  # i18n_patterns resolve the active language only
        path = reverse("search:search")  # /fr/recherche/, /es/buscar/: localised like page slugs
        match = resolve(path)
    assert match.view_name == "search:search", f"{path} reaches {match.view_name}, not the search page"
    return f"{path}?{urlencode({'q': SEARCH_WORDS[language]})}"


def pages_of_kind(kind, language):
    """(urls, reason): the URLs of that kind in that language, or a reason why there are none."""
    if kind == "home":
        return [f"/{language}/"], None
    if kind == "not_found":
        return [f"/{language}/this-page-does-not-exist/"], None
    if kind == "search":
        return [search_url(language)], None
    model = {
        "programme_index": ("programmes", "ProgrammeIndexPage"),
        "programme": ("programmes", "ProgrammePage"),
        "library": ("resources", "ResourceIndexPage"),
        "publication": ("resources", "ResourcePage"),
        "standard": ("pages", "StandardPage"),
        "contact": ("pages", "ContactPage"),
        "news_index": ("news", "NewsIndexPage"),
        "news": ("news", "NewsPage"),
        "event_index": ("events", "EventIndexPage"),
        "event": ("events", "EventPage"),
    }[kind]
    pages = live_pages(*model, language)
    if pages is None:
        return [], f"{model[1]} does not exist yet (resource library not merged)"
    if not pages:
        return [], f"no live {model[1]} in {language}"
    if kind in ("library", "publication", "programme_index", "news_index", "event_index"):
        pages = pages[:1]
    return [page.url for page in pages], None


def filter_choices(html):
    """Query parameters that apply the library's first type and first language filter."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("main form")
    if form is None:
        return {}
    # The library's filters stand beside its results, outside the <form>, tied to it by `form=`.
    fields = form.select("select, input[type=checkbox], input[type=radio]")
    if form.get("id"):
        fields += soup.select(f'main [form="{form["id"]}"]')
    params = {}
    for wanted in ("type", "lang"):
        for field in fields:
            name = field.get("name", "")
            if wanted not in name.lower() or name in params:
                continue
            if field.name == "select":
                values = [option.get("value", "") for option in field.select("option")]
            else:
                values = [field.get("value", "")]
            values = [value for value in values if value]
            if values:
                params[name] = values[0]
                break
    return params


# Attributes through which a page makes the browser fetch something by itself.
# Plain <a href> links are navigations the visitor chooses, not requests.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src", "formaction"),
    "button": ("formaction",),
    "form": ("action",),
}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "preconnect"}


def loaded_urls(html):
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for tag in soup.find_all(True):
        for attribute in LOADING_ATTRIBUTES.get(tag.name, ()):
            value = tag.get(attribute)
            if not value:
                continue
            if attribute == "srcset":
                urls += [
                    candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()
                ]
            else:
                urls.append(value)
        if tag.name == "link" and LOADING_LINK_RELS & set(tag.get("rel", [])):
            urls.append(tag.get("href", ""))
        if "style" in tag.attrs and "url(" in tag["style"]:
            urls.append(tag["style"])  # an inline style that fetches: reported as it is
    return urls


def third_party_urls(html, host):
    """Every URL the page loads from a host other than `host`."""
    foreign = []
    for url in loaded_urls(html):
        parts = urlsplit(url.strip())
        if "url(" in url or parts.scheme not in ("", "http", "https") or parts.netloc not in ("", host):
            foreign.append(url)
    return foreign


def page_weight(html):
    """Bytes of the HTML plus every stylesheet and script it loads from this site."""
    total = len(html.encode() if isinstance(html, str) else html)
    soup = BeautifulSoup(html, "html.parser")
    assets = [link["href"] for link in soup.select("link[rel~=stylesheet][href]")]
    assets += [script["src"] for script in soup.select("script[src]")]
    for asset in assets:
        path = urlsplit(asset).path
        assert path.startswith("/static/"), f"{asset} is not a static file of this site"
        found = finders.find(path.removeprefix("/static/"))
        assert found, f"{asset} is missing"
        with open(found, "rb") as file:
            total += len(file.read())
    return total
