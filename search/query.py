"""One search, shared by the search page and the API.

The visitor's language picks the backend (and so the stemming rules) and the
pages searched: results are only ever live, public pages of that language.
Matching ids come from the backend (at most MAX_HITS, by relevance); facets,
facet filters and pagination then run as a bounded number of SQL queries over
those ids, whatever the backend.

Facets: `kind` is the page type (programme, publication); `type`, `topic` and
`year` are the library's own facets of publications (resources.library's
`PublicationFacets`), with the library's parameter names, values and counting,
so `type` means the resource type on every page and endpoint of the site.

Promoted results are part of the results: they come first, are counted in the
total and the facets, and follow the facet filters like any other result.
"""

import html
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelsearch.query import And, Fuzzy, Or, Phrase, PlainText
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from resources.library import Facet, FacetOption, PublicationFacets
from website.id_lists import among
from website.visibility import public_pages

from . import ranking, spelling, synonyms
from .backends.elasticsearch import ScopedElasticsearchBackendMixin
from .backends.scoping import searchable_models
from .inflection import normalise_inclusive, word_forms
from .pending import describe
from .promotions import find_promotions, record_query
from .server_errors import server_errors
from .snippets import snippets

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Terms searched at most: enough for any real query, and a bound on the backend query's size.
MAX_TERMS = 24
MAX_HITS = 1000
PAGE_SIZE = 20
# C0/C1 control characters and the Unicode "format" characters used to smuggle text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# What a search term may contain: letters, digits and the punctuation of identifiers
# such as A/RES/53/144 or ACHPR/Res.69(XXXV)04. Everything else separates terms,
# so no query syntax of any backend reaches it.
TERM = re.compile(r"[\w][\w/().\-]*")
IDENTIFIER_PARTS = re.compile(r"[^\w]+")


class SearchUnavailable(Exception):
    """The search server did not answer (Elasticsearch/OpenSearch down or unreachable)."""


def clean_query(raw):
    """The query as searched: no control characters, single spaces, at most 200 characters."""
    text = CONTROL_CHARACTERS.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    return [term.strip("().-/") for term in TERM.findall(query) if term.strip("().-/")]


def identifier_parts(term):
    return [part for part in IDENTIFIER_PARTS.split(term) if part]


def term_query(term, language):
    """One query word: its other-gender forms, and an identifier's parts as a phrase.

    Publications are indexed with "A/RES/53/144" also spelt "A RES 53 144"
    (resources/search_text.py), so "A/RES/53" or "Res.69" find them by that phrase.
    """
    alternatives = [PlainText(form, operator="and") for form in word_forms(term, language)]
    parts = identifier_parts(term)
    if len(parts) > 1:
        alternatives.append(Phrase(" ".join(parts)))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def phrase_query(terms, language):
    """A quoted phrase, also with every word in its other-gender form."""
    phrases = [" ".join(terms)]
    forms = [word_forms(term, language) for term in terms]
    for number in (1, 2):
        phrases.append(
            " ".join(options[number] if len(options) > number else options[0] for options in forms)
        )
    phrases = list(dict.fromkeys(phrases))
    return Phrase(phrases[0]) if len(phrases) == 1 else Or([Phrase(phrase) for phrase in phrases])


def unit_query(typed, alternatives, language):
    """One unit of the query: a plain term, or any term of its synonym group (search/synonyms.py)."""
    if alternatives is None:
        return term_query(typed[0], language)
    options = []
    for alternative in alternatives:
        words = search_terms(alternative)
        if len(words) == 1:
            options.append(term_query(words[0], language))
        elif words:
            options.append(Phrase(" ".join(words)))
    return options[0] if len(options) == 1 else Or(options)


def read_query(query, language="en"):
    """(modelsearch query or None, the query's units for ranking).

    Quoted phrases stay phrases; other words must all match, each in some form:
    its other-gender forms, its identifier parts, or any term of its synonym group.
    """
    query = normalise_inclusive(query, language)
    balanced = query if query.count('"') % 2 == 0 else query.replace('"', " ")
    parts, found, count = [], [], 0
    for index, chunk in enumerate(balanced.split('"')):
        terms = search_terms(chunk)[: MAX_TERMS - count]
        if not terms:
            continue
        count += len(terms)
        if index % 2:
            parts.append(phrase_query(terms, language))
            found.extend(([term], None) for term in terms)
        else:
            chunk_units = synonyms.units(terms, language)
            found.extend(chunk_units)
            parts.extend(unit_query(typed, alternatives, language) for typed, alternatives in chunk_units)
    if not parts:
        return None, []
    return (parts[0] if len(parts) == 1 else And(parts)), found


def backend_query(query, language="en"):
    """A modelsearch query: quoted phrases stay phrases, other words must all match (in some form)."""
    return read_query(query, language)[0]


def content_type_slug(model):
    return model._meta.model_name


class QueryField(forms.CharField):
    """Any text is a query: control characters (NUL included) are removed, not refused."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = []

    def to_python(self, value):
        return clean_query(value)


class SearchForm(forms.Form):
    """Search parameters; a malformed facet value is a 400, an unknown one finds nothing."""

    q = QueryField(label=_("Search text"), required=False)
    kind = forms.CharField(label=_("Content type"), required=False, max_length=50)
    type = forms.SlugField(label=_("Resource type"), required=False, max_length=100)
    topic = forms.SlugField(label=_("Topic"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1000, max_value=9999)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    def clean_kind(self):
        value = self.cleaned_data["kind"]
        if value and value not in {content_type_slug(model) for model in searchable_models()}:
            raise forms.ValidationError(_("Unknown content type."))
        return value

    def error_messages(self):
        """Each error as "Field: message", in the active language."""
        return [
            _("%(field)s: %(error)s") % {"field": self.fields[name].label, "error": error}
            if name in self.fields
            else str(error)
            for name, errors in self.errors.items()
            for error in errors
        ]


@dataclass
class SearchHit:
    """One result: a page, or an external link that editors promoted."""

    title: str
    url: str
    snippet: str
    content_type: str
    type_label: str
    page: Page | None = None
    promoted: bool = False


@dataclass
class SearchOutcome:
    query: str
    language: str
    # The query as searched when the one typed found nothing ("did you mean").
    corrected_query: str = ""
    total: int = 0
    hits: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    page_number: int = 1
    page_count: int = 0

    @property
    def selected_facets(self):
        """(facet, option) of each filter in use, for the removable chips above the results."""
        return [(facet, option) for facet in self.facets for option in facet.options if option.selected]

    @property
    def first_hit_number(self):
        """The position of the first unpromoted hit on this page, for the list's numbering."""
        return (self.page_number - 1) * PAGE_SIZE + len(self.promotions) + 1


def resource_page_model():
    for model in searchable_models():
        if model._meta.label == "resources.ResourcePage":
            return model
    return None


def programme_page_model():
    for model in searchable_models():
        if model._meta.label == "programmes.ProgrammePage":
            return model
    return None


# Pages whose worth is their date (news, statements, events): ranked after the lasting ones.
DATED_PAGE_MODELS = ("news.NewsPage", "events.EventPage")


def dated_page_models():
    return [model for model in searchable_models() if model._meta.label in DATED_PAGE_MODELS]


def candidate_pages(locale):
    models = searchable_models()
    return public_pages(Page.objects.filter(locale=locale).type(*models))


def matching_ids(query, language, locale):
    """Ids of the matching pages, most relevant first (at most MAX_HITS).

    Only pages the database says are live and public now: the database backends
    search in SQL over `candidate_pages`, and Elasticsearch/OpenSearch hits are
    read back through that same queryset (modelsearch loads each hit's page with
    it), so an index entry left stale by an update still waiting for the server
    (search/pending.py) is never shown.
    """
    search_query, units = read_query(query, language)
    if search_query is None:
        return []
    backend = get_search_backend(language)
    with server_answering(language):
        results = backend.search(search_query, candidate_pages(locale))[:MAX_HITS]
        if hasattr(results, "get_queryset"):
            # Database backends: ids straight from the ranked SQL, no page objects built.
            ids = list(results.get_queryset().values_list("pk", flat=True))
        else:
            ids = [page.pk for page in results]
    return ranking.rank(
        ids,
        ranking.query_groups(units, language),
        language,
        programme_model=programme_page_model(),
        publication_model=resource_page_model(),
        dated_models=dated_page_models(),
    )


def suggestions(query, language, count):
    """Live, public titles in `language` that start like the words typed."""
    terms = search_terms(query)
    if not terms:
        return []
    locale = Locale.objects.get_for_language(language)
    backend = get_search_backend(language)
    with server_answering(language):
        return list(backend.autocomplete(" ".join(terms), candidate_pages(locale))[:count])


# After a search server failure, searches in that language give the "unavailable"
# answer at once for this long (seconds) instead of each waiting for the server's
# timeout: a visitor is not kept waiting, and a struggling server gets a rest.
SERVER_PAUSE = 30


@contextmanager
def server_answering(language):
    """Turn a search server that does not answer into SearchUnavailable, with one warning line.

    Neither the error nor the server's address reaches the visitor; the log says
    which language's server failed and how.
    """
    pause_key = f"search:server-down:{language}"
    if cache.get(pause_key):
        logger.warning("Search server for %r paused after a failure: search unavailable.", language)
        raise SearchUnavailable
    try:
        yield
    except server_errors() as error:
        cache.set(pause_key, True, SERVER_PAUSE)
        logger.warning("Search server for %r did not answer: %s", language, describe(error))
        raise SearchUnavailable from error


# The library's facets that a search offers, with the headings the search page gives them.
RESOURCE_FACETS = {"type": _("Resource type"), "topic": _("Topic"), "year": _("Year")}
FILTERS = ("kind", *RESOURCE_FACETS)


def _selected(data):
    """The chosen resource facet values, as the library's facets take them: {name: [value]}."""
    return {name: [str(data[name])] if data.get(name) else [] for name in RESOURCE_FACETS}


def _sources(resource_model, ids):
    """The source-language publications among `ids`: they hold the facts (ResourcePage.facts)."""
    return resource_model.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        translation_key__in=resource_model.objects.filter(pk__in=among(ids)).values("translation_key"),
    )


def apply_filters(ids, data, facets):
    """Narrow the ids by the chosen facet values, keeping their order (at most three queries)."""
    if not ids or not _filtered(data):
        return ids
    pages = Page.objects.filter(pk__in=among(ids))
    if data.get("kind"):
        model = next(m for m in searchable_models() if content_type_slug(m) == data["kind"])
        pages = pages.type(model)
    chosen = {name: values for name, values in _selected(data).items() if values}
    if chosen:
        resource_model = resource_page_model()
        if resource_model is None:
            return []
        sources = _sources(resource_model, ids)
        for name, values in chosen.items():
            sources = sources.filter(facets.filter_q(name, values))
        pages = pages.filter(translation_key__in=sources.values("translation_key"))
    keep = set(pages.values_list("pk", flat=True))
    return [pk for pk in ids if pk in keep]


def build_facets(ids, data, facets):
    """The page-type facet, then the library's facets of the publications found.

    Every count is over the results as filtered (one value per facet is chosen at most).
    """
    if not ids:
        return []
    # order_by(): Page's default ordering by path would split the groups.
    rows = Page.objects.filter(pk__in=among(ids)).order_by().values("content_type").annotate(n=Count("pk"))
    counts = {row["content_type"]: row["n"] for row in rows}
    kind = Facet("kind", _("Content type"), [])
    for model in searchable_models():
        count = counts.get(ContentType.objects.get_for_model(model).pk, 0)
        if count:
            slug = content_type_slug(model)
            label = str(capfirst(model._meta.verbose_name_plural))
            kind.options.append(FacetOption(slug, label, count, data.get("kind") == slug))
    found = [kind]
    resource_model = resource_page_model()
    if resource_model is None:
        return found
    sources = _sources(resource_model, ids)
    for facet in facets.facets(dict.fromkeys(RESOURCE_FACETS, sources), _selected(data)):
        # Only what the results hold; the most frequent first, years newest first.
        facet.options = [option for option in facet.options if option.count]
        if facet.name != "year":
            facet.options.sort(key=lambda option: (-option.count, option.label))
        facet.label = RESOURCE_FACETS[facet.name]
        if facet.options:
            found.append(facet)
    return found


def run_search(data, language, *, record=True):
    """Search `data["q"]` in `language` with the chosen facets; returns a SearchOutcome.

    Raises SearchUnavailable when an Elasticsearch/OpenSearch server does not answer.
    """
    query = clean_query(data.get("q"))
    outcome = SearchOutcome(query=query, language=language)
    terms = search_terms(normalise_inclusive(query, language))
    if not terms:
        return outcome
    locale = Locale.objects.get_for_language(language)
    promotions = find_promotions(query, locale)
    promoted_ids = [promotion.page.pk for promotion in promotions if promotion.page is not None]
    promoted = set(promoted_ids)
    ids = promoted_ids + [pk for pk in matching_ids(query, language, locale) if pk not in promoted]
    if not ids:
        ids, terms = typo_fallback(query, terms, language, locale, outcome)
    # Loaded only when there is something to count or filter (its options cost two queries).
    facets = PublicationFacets(locale, RESOURCE_FACETS) if ids else None
    ids = apply_filters(ids, data, facets)
    outcome.facets = build_facets(ids, data, facets)

    # The results in the order shown: promotions first (an external link only
    # when no facet is chosen, as it has no type, topic or year), then the rest.
    kept = set(ids)
    entries = [
        promotion
        for promotion in promotions
        if (promotion.page.pk in kept if promotion.page is not None else not _filtered(data))
    ]
    entries += [pk for pk in ids if pk not in promoted]
    outcome.total = len(entries)
    paginator = Paginator(entries, PAGE_SIZE)
    current = paginator.get_page(data.get("page") or 1)
    outcome.page_number, outcome.page_count = current.number, paginator.num_pages

    shown = list(current.object_list)
    page_ids = [entry for entry in shown if isinstance(entry, int)]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    pages.update({entry.page.pk: entry.page for entry in shown if not isinstance(entry, int) and entry.page})
    texts = snippets(list(pages.values()), terms, language)
    for entry in shown:
        if isinstance(entry, int):
            if entry in pages:
                outcome.hits.append(_page_hit(pages[entry], texts[entry]))
        elif entry.page is not None:
            outcome.promotions.append(_page_hit(entry.page, texts[entry.page.pk], promoted=True))
        else:
            outcome.promotions.append(_external_hit(entry))
    if record and _new_search(data):
        record_query(query)
    return outcome


def typo_fallback(query, terms, language, locale, outcome):
    """(ids, terms) for a query that found nothing: its spelling corrected, else fuzzy matching.

    The corrected query is searched like any other and offered as "did you mean";
    Elasticsearch/OpenSearch then try their own fuzzy matching. Never for document
    symbols (search/spelling.py).
    """
    corrected = spelling.correct(terms, language, candidate_pages(locale))
    if corrected:
        suggestion = " ".join(corrected)
        ids = matching_ids(suggestion, language, locale)
        if ids:
            outcome.corrected_query = suggestion
            return ids, corrected
    return fuzzy_ids(terms, language, locale), terms


def fuzzy_ids(terms, language, locale):
    """Elasticsearch/OpenSearch's own fuzzy matching of the words (symbols as typed); [] elsewhere."""
    backend = get_search_backend(language)
    if not isinstance(backend, ScopedElasticsearchBackendMixin):
        return []
    words = [term for term in terms if spelling.correctable(term)][: spelling.MAX_WORDS]
    if not words:
        return []
    parts = [Fuzzy(" ".join(words), operator="and")]
    parts += [term_query(term, language) for term in terms if not term.isalpha()]
    search_query = parts[0] if len(parts) == 1 else And(parts)
    with server_answering(language):
        return [page.pk for page in backend.search(search_query, candidate_pages(locale))[:MAX_HITS]]


def _filtered(data):
    return any(data.get(name) for name in FILTERS)


def _new_search(data):
    """A search the visitor typed: not a later page of results nor a facet clicked."""
    return (data.get("page") or 1) == 1 and not _filtered(data)


def _page_hit(page, snippet, promoted=False):
    return SearchHit(
        title=page.title,
        url=page.url or "",
        snippet=snippet,
        content_type=content_type_slug(type(page)),
        type_label=str(capfirst(page.specific_class._meta.verbose_name)),
        page=page,
        promoted=promoted,
    )


def _external_hit(promotion):
    return SearchHit(
        title=promotion.title,
        url=promotion.url,
        snippet=html.escape(promotion.description),
        content_type="external",
        type_label=str(_("External link")),
        promoted=True,
    )
