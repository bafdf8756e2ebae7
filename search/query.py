"""One search, shared by the search page and the API.

The visitor's language picks the backend (and so the stemming rules) and the
pages searched: results are only ever live, public pages of that language.
Matching ids come from the backend (at most MAX_HITS, by relevance); facets,
facet filters and pagination then run as a bounded number of SQL queries over
those ids, whatever the backend.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from .backends.scoping import searchable_models

MAX_QUERY_LENGTH = 200
MAX_HITS = 1000
PAGE_SIZE = 20
SNIPPET_LENGTH = 220
# C0/C1 control characters and the Unicode "format" characters used to smuggle text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# What a search term may contain: letters, digits and the punctuation of identifiers
# such as A/RES/53/144 or ACHPR/Res.69(XXXV)04. Everything else separates terms,
# so no query syntax of any backend reaches it.
TERM = re.compile(r"[\w][\w/().\-]*")


def clean_query(raw):
    """The query as searched: no control characters, single spaces, at most 200 characters."""
    text = CONTROL_CHARACTERS.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    return [term.strip("().-/") for term in TERM.findall(query) if term.strip("().-/")]


def backend_query(query):
    """A modelsearch query: quoted phrases stay phrases, other words are plain terms."""
    balanced = query if query.count('"') % 2 == 0 else query.replace('"', " ")
    _filters, parsed = parse_query_string(" ".join(_safe_tokens(balanced)), operator="and")
    return parsed


def _safe_tokens(query):
    # Keep quotes around phrases; reduce everything else to clean terms.
    tokens = []
    for index, chunk in enumerate(query.split('"')):
        terms = search_terms(chunk)
        if not terms:
            continue
        tokens.append(f'"{" ".join(terms)}"' if index % 2 else " ".join(terms))
    return tokens


# Facets -----------------------------------------------------------------------------


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

    q = QueryField(required=False)
    type = forms.CharField(required=False, max_length=50)
    resource_type = forms.SlugField(required=False, max_length=100)
    topic = forms.SlugField(required=False, max_length=100)
    year = forms.IntegerField(required=False, min_value=1000, max_value=9999)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def clean_type(self):
        value = self.cleaned_data["type"]
        if value and value not in {content_type_slug(model) for model in searchable_models()}:
            raise forms.ValidationError(_("Unknown content type."))
        return value


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)


@dataclass
class SearchHit:
    page: Page
    snippet: str
    content_type: str
    promoted: bool = False


@dataclass
class SearchOutcome:
    query: str
    language: str
    total: int = 0
    hits: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    page_number: int = 1
    page_count: int = 0


def resource_page_model():
    for model in searchable_models():
        if model._meta.label == "resources.ResourcePage":
            return model
    return None


def candidate_pages(locale):
    models = searchable_models()
    return Page.objects.live().public().filter(locale=locale).type(*models)


def matching_ids(query, language, locale):
    """Ids of the matching pages, most relevant first (at most MAX_HITS)."""
    backend = get_search_backend(language)
    results = backend.search(backend_query(query), candidate_pages(locale))[:MAX_HITS]
    if hasattr(results, "get_queryset"):
        # Database backends: ids straight from the ranked SQL, no page objects built.
        return list(results.get_queryset().values_list("pk", flat=True))
    return [page.pk for page in results]


def apply_filters(ids, data):
    """Narrow the ids by the chosen facet values (at most three queries)."""
    if not ids:
        return ids
    pages = Page.objects.filter(pk__in=ids)
    if data.get("type"):
        model = next(m for m in searchable_models() if content_type_slug(m) == data["type"])
        pages = pages.type(model)
    if data.get("resource_type") or data.get("topic") or data.get("year"):
        resource_model = resource_page_model()
        if resource_model is None:
            return []
        # Type, topics and dates are facts of the source-language page (ResourcePage.facts).
        keys = resource_model.objects.filter(pk__in=ids).values("translation_key")
        sources = resource_model.objects.filter(translation_key__in=keys, locale=Locale.get_default())
        if data.get("resource_type"):
            sources = sources.filter(resource_type__slug=data["resource_type"])
        if data.get("topic"):
            sources = sources.filter(topics__slug=data["topic"])
        if data.get("year"):
            sources = sources.filter(publication_date__year=data["year"])
        pages = pages.filter(translation_key__in=sources.values("translation_key"))
    keep = set(pages.values_list("pk", flat=True))
    return [pk for pk in ids if pk in keep]


def build_facets(ids, data, locale):
    facets = []
    if not ids:
        return facets
    # order_by(): Page's default ordering by path would split the groups.
    rows = Page.objects.filter(pk__in=ids).order_by().values("content_type").annotate(n=Count("pk"))
    counts = {row["content_type"]: row["n"] for row in rows}
    type_facet = Facet("type", str(_("Content type")))
    for model in searchable_models():
        count = counts.get(ContentType.objects.get_for_model(model).pk, 0)
        if count:
            slug = content_type_slug(model)
            type_facet.values.append(
                FacetValue(
                    slug, str(capfirst(model._meta.verbose_name_plural)), count, data.get("type") == slug
                )
            )
    facets.append(type_facet)
    resource_model = resource_page_model()
    if resource_model is None:
        return facets
    facets.extend(resource_facets(resource_model, ids, data, locale))
    return facets


def resource_facets(resource_model, ids, data, locale):
    from resources.models import ResourceType, Topic

    pages = resource_model.objects.filter(pk__in=ids)
    keys = dict(pages.values_list("pk", "translation_key"))
    if not keys:
        return []
    sources = resource_model.objects.filter(
        translation_key__in=set(keys.values()), locale=Locale.get_default()
    )
    source_by_key = {source.translation_key: source.pk for source in sources.only("pk", "translation_key")}
    source_ids = [source_by_key[key] for key in keys.values() if key in source_by_key]

    type_counts = (
        resource_model.objects.filter(pk__in=source_ids)
        .order_by()
        .values("resource_type__translation_key")
        .annotate(n=Count("pk"))
    )
    topic_counts = (
        resource_model.topics.through.objects.filter(resourcepage_id__in=source_ids)
        .order_by()
        .values("topic__translation_key")
        .annotate(n=Count("resourcepage_id"))
    )
    year_counts = (
        resource_model.objects.filter(pk__in=source_ids)
        .order_by()
        .annotate(year=ExtractYear("publication_date"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    type_names = {
        item.translation_key: item
        for item in ResourceType.objects.filter(
            translation_key__in=[row["resource_type__translation_key"] for row in type_counts],
            locale=locale,
            live=True,
        )
    }
    topic_names = {
        item.translation_key: item
        for item in Topic.objects.filter(
            translation_key__in=[row["topic__translation_key"] for row in topic_counts],
            locale=locale,
            live=True,
        )
    }
    resource_type = Facet("resource_type", str(_("Resource type")))
    for row in type_counts:
        item = type_names.get(row["resource_type__translation_key"])
        if item is not None:
            resource_type.values.append(
                FacetValue(item.slug, item.name, row["n"], data.get("resource_type") == item.slug)
            )
    topic = Facet("topic", str(_("Topic")))
    for row in topic_counts:
        item = topic_names.get(row["topic__translation_key"])
        if item is not None:
            topic.values.append(FacetValue(item.slug, item.name, row["n"], data.get("topic") == item.slug))
    year = Facet("year", str(_("Year")))
    for row in year_counts:
        if row["year"]:
            year.values.append(
                FacetValue(str(row["year"]), str(row["year"]), row["n"], data.get("year") == row["year"])
            )
    for facet in (resource_type, topic):
        facet.values.sort(key=lambda value: (-value.count, value.label))
    return [facet for facet in (resource_type, topic, year) if facet.values]


# Snippets ---------------------------------------------------------------------------


def fold(text):
    """Lower case without accents, one character for one, so positions map back."""
    return "".join(unicodedata.normalize("NFKD", char)[:1].lower() or " " for char in text)


def term_pattern(terms):
    # Highlight inflected forms too: "mécanismes" marks "mécanisme", "nationaux" "national".
    stems = sorted(
        {fold(term)[: max(4, len(term) - 3)] for term in terms if len(term) > 1}, key=len, reverse=True
    )
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*")


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An HTML-escaped extract of `text` around the first match, matches in <mark>."""
    text = " ".join((text or "").split())
    pattern = term_pattern(terms)
    folded = fold(text)
    first = pattern.search(folded) if pattern else None
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start > 0 else ""]
    position = start
    for match in pattern.finditer(folded, start, end) if pattern else ():
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f"<mark>{html.escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(html.escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def snippet_text(page, terms):
    """The passage of the indexed text that best shows why the page matched."""
    pattern = term_pattern(terms)
    candidates = [getattr(page, "summary", ""), page.search_description, page.listing_summary]
    body = getattr(page, "body", None)
    if body is not None:
        candidates.append(_stream_text(body))
    candidates = [text for text in candidates if text]
    if pattern:
        for text in candidates:
            if pattern.search(fold(text)):
                return text
        # Only then read identifiers and PDF text (a few queries, for this hit alone).
        if hasattr(page, "search_facts_text"):
            facts = page.search_facts_text()
            if pattern.search(fold(facts)):
                return facts
    return candidates[0] if candidates else ""


def _stream_text(stream):
    """The words of a StreamField, without rendering it (no templates, no queries)."""
    from django.utils.html import strip_tags

    words = []

    def collect(value):
        if isinstance(value, str):
            words.append(strip_tags(value))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect([block.get("value") for block in stream.raw_data])
    return " ".join(word for word in words if " " in word.strip() or len(word) > 30)


# The search -------------------------------------------------------------------------


def promoted_pages(query, locale):
    """Pages editors promoted for this exact query, in the visitor's language, live and public."""
    from modelsearch.utils import normalise_query_string
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__isnull=False
    ).order_by("sort_order")
    keys = [key for key in promotions.values_list("page__translation_key", flat=True)]
    if not keys:
        return []
    pages = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=keys, locale=locale).specific()
    }
    return [pages[key] for key in keys if key in pages]


def record_query(query):
    """Count the query for editors' 'popular searches' report."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query).add_hit()


def run_search(data, language, *, record=True):
    """Search `data["q"]` in `language` with the chosen facets; returns a SearchOutcome."""
    query = clean_query(data.get("q"))
    outcome = SearchOutcome(query=query, language=language)
    terms = search_terms(query)
    if not terms:
        return outcome
    locale = Locale.objects.get(language_code=language)
    ids = matching_ids(query, language, locale)
    promotions = promoted_pages(query, locale)
    promoted_ids = {page.pk for page in promotions}
    ids = apply_filters(ids, data)
    outcome.facets = build_facets(ids, data, locale)
    ids = [pk for pk in ids if pk not in promoted_ids] if not _filtered(data) else ids
    outcome.total = len(ids)
    paginator = Paginator(ids, PAGE_SIZE)
    current = paginator.get_page(data.get("page") or 1)
    outcome.page_number, outcome.page_count = current.number, paginator.num_pages
    page_ids = list(current.object_list)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    outcome.hits = [_hit(pages[pk], terms) for pk in page_ids if pk in pages]
    if current.number == 1 and not _filtered(data):
        outcome.promotions = [_hit(page, terms, promoted=True) for page in promotions]
    if record:
        record_query(query)
    return outcome


def _filtered(data):
    return any(data.get(name) for name in ("type", "resource_type", "topic", "year"))


def _hit(page, terms, promoted=False):
    return SearchHit(
        page=page,
        snippet=highlight(snippet_text(page, terms), terms),
        content_type=content_type_slug(type(page)),
        promoted=promoted,
    )
