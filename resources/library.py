"""The library's search: filters, facet counts, sorting and pages, for the site and the API alike.

`search_library(params, library, locale)` takes the query parameters (a QueryDict or a plain
mapping of lists), the library page and the visitor's locale, and returns a `LibraryResult`.
The HTML page, its feeds and the API call it with the same parameters and so give the same
results. Nothing here touches an HttpRequest.

Publications are one record in every language: filters and counts run over the live, public
publications of the source language, whose taxonomy links point at source-language snippets
(see website/localized_relations.py); each publication is then shown in the visitor's
language where its translation is live, else in the source language with a badge. Facets
therefore key on slugs and codes that are the same in every language.

`PublicationFacets` is the one facet engine of the taxonomy (type, topic, programme, region,
country, language of the files, year): the library and the site search (search/query.py) both
count and label their facets with it, so a facet has one shape and one meaning everywhere.

The number of SQL queries is fixed, never dependent on the number of publications: every facet
is counted in one UNION ALL query, and each kind of option is loaded once.
"""

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, ExtractYear, Lower
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelsearch.query import PlainText
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from programmes.models import ProgrammePage

# The page models call this module to serve and describe themselves, so both hold the
# other as a module and read its names when called, whichever is imported first.
from resources import models
from resources.languages import CODES as LANGUAGE_CODES
from resources.languages import language_name, language_name_local
from website.files import file_extension, file_is_missing, file_size, size_display
from website.fragment_cache import cached
from website.id_lists import among
from website.localized_relations import localize_all, localize_live_pages
from website.visibility import public_pages, restricted_collection_ids

PAGE_SIZE = 24
FEED_SIZE = 50
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 50
# The words of a text query that the search backends are given: no backend's query syntax
# (quotes, operators, FTS5's column filters) ever reaches them.
TEXT_WORD = re.compile(r"\w+")
SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title"),
}
DEFAULT_SORT = "newest"

# Query parameters the library understands; anything else (tracking tags…) is ignored.
FILTER_PARAMS = ("type", "topic", "programme", "region", "country", "language", "year")
FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "programme": _("Programme"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language of the files"),
    "year": _("Year"),
}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    language: str = ""  # the label's language where it differs from the visitor's (not translated yet)


@dataclass
class Facet:
    name: str  # the query parameter that filters by it
    label: str
    options: list[FacetOption]

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class LibraryResult:
    """What a library search found: one page of publications and the facets around it."""

    items: list
    total: int
    page_number: int
    num_pages: int
    page_size: int
    sort: str
    query: str
    filters: dict
    facets: list[Facet]
    errors: list[str] = field(default_factory=list)
    page_not_found: bool = False

    @property
    def status_code(self):
        if self.errors:
            return 400
        return 404 if self.page_not_found else 200

    @property
    def is_filtered(self):
        return bool(self.query or any(self.filters.values()))

    @property
    def has_previous(self):
        return 1 < self.page_number <= self.num_pages

    @property
    def has_next(self):
        return self.page_number < self.num_pages


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return list(value) if isinstance(value, list | tuple) else [value]


# Longer digit strings are refused before int(), whose cost grows with the length (and
# which raises past 4,300 digits).
MAX_DIGITS = 20


def _ascii_number(raw):
    """The int in `raw` when it is plain ASCII digits, else None.

    `str.isdigit()` alone accepts "²" or "①", which int() then refuses: a server error.
    """
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:
        return int(raw)
    return None


def _sort_key(text):
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


def public_files(queryset, private=None):
    """File rows whose document an anonymous visitor may download.

    `private` is what `restricted_collection_ids()` returned, when the caller already asked.
    """
    if private is None:
        private = restricted_collection_ids()
    return queryset.exclude(document__collection__in=private) if private else queryset


def source_publications(library):
    """The live, public publications in the source language: the library's one record.

    Wagtail still serves a live page below an unpublished one, but no menu or list leads
    there: the library leaves such pages out too, as the API does (upstream/wagtail_api_visibility.py).
    """
    source = library.source_library() if library is not None else None
    queryset = models.ResourcePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if source is not None:
        queryset = queryset.descendant_of(source)
    return public_pages(queryset)


def public_library(locale):
    """The library page of `locale` that an anonymous visitor may open, or None."""
    return (
        public_pages(models.ResourceIndexPage.objects.filter(locale=locale)).select_related("locale").first()
    )


# The facets whose options are rows in the database, loaded in the visitor's language.
# Model names, read from the models module when used (see the import above).
TAXONOMIES = {"type": "ResourceType", "topic": "Topic", "region": "Region"}
OPTION_FACETS = (*TAXONOMIES, "programme")


class PublicationFacets:
    """The taxonomy's facets over source publications: options, filters and counts.

    `names` are the facets wanted, among FILTER_PARAMS. Their options are loaded once, in the
    visitor's language (one query per taxonomy, two for programmes); `counts` then counts every
    facet over its own subset of publications in one query, whatever their number.
    """

    def __init__(self, locale, names=FILTER_PARAMS, *, private_files=None):
        self.locale = locale
        self.names = tuple(names)
        self.private_files = private_files
        if "language" in self.names and private_files is None:
            self.private_files = restricted_collection_ids()
        # The same for every visitor in this language until content changes: five queries saved.
        self.options = cached("library-facet-options", [self.locale.pk, *self.names], self._load_options)

    def _load_options(self):
        default = Locale.get_default()
        options = {
            name: self._taxonomy_options(getattr(models, TAXONOMIES[name]), default)
            for name in self.names
            if name in TAXONOMIES
        }
        if "programme" in self.names:
            options["programme"] = self._programme_options(default)
        return options

    # Options ---------------------------------------------------------------------------

    def _taxonomy_options(self, model, default):
        """{slug: {"source_id", "label", "language", "order"}} of one taxonomy: one query."""
        by_key = {}
        for row in model.objects.filter(locale_id__in={default.pk, self.locale.pk}, live=True):
            entry = by_key.setdefault(row.translation_key, {"slug": row.slug, "order": row.sort_order})
            if row.locale_id == default.pk:
                # The source's slug, whatever order the rows come in: a translator may have
                # changed a translation's slug, and the filter must stay the same in every language.
                entry["slug"], entry["order"] = row.slug, row.sort_order
                entry["source_id"] = row.pk
                if "label" not in entry:
                    entry["label"], entry["language"] = row.name, default.language_code
            if row.locale_id == self.locale.pk:
                entry["label"], entry["language"] = row.name, self.locale.language_code
        return {
            entry["slug"]: entry for entry in by_key.values() if "source_id" in entry and "label" in entry
        }

    def _programme_options(self, default):
        """Programmes a visitor may open, keyed by their source slug, which publications link to.

        The label is the programme's live, public page in the visitor's language, else in the
        source language. A programme that is neither (a draft, private, below an unpublished
        section) is no option: its title never shows, and its slug is an unknown value.
        """
        sources = {
            page.translation_key: page
            for page in ProgrammePage.objects.filter(locale=default).only("slug", "translation_key")
        }
        visible = public_pages(
            ProgrammePage.objects.filter(
                locale_id__in={default.pk, self.locale.pk}, translation_key__in=list(sources)
            ).only("title", "translation_key", "locale_id")
        )
        shown = {}
        for page in visible:
            if page.locale_id == self.locale.pk or page.translation_key not in shown:
                shown[page.translation_key] = page
        languages = {default.pk: default.language_code, self.locale.pk: self.locale.language_code}
        return {
            sources[key].slug: {
                "key": key,
                "label": page.title,
                "language": languages[page.locale_id],
                "order": 0,
            }
            for key, page in shown.items()
        }

    # Filtering -------------------------------------------------------------------------

    def filter_q(self, name, values):
        """Source publications with any of `values` for facet `name`; an unknown value matches none."""
        if name == "type":
            return Q(resource_type__slug__in=values)
        if name in ("topic", "region"):
            through = (
                models.ResourcePage.topics.through if name == "topic" else models.ResourcePage.regions.through
            )
            related = "topic" if name == "topic" else "region"
            options = self.options[name]
            keys = [options[slug]["source_id"] for slug in values if slug in options]
            return Q(pk__in=through.objects.filter(**{f"{related}_id__in": keys}).values("resourcepage_id"))
        if name == "programme":
            options = self.options[name]
            keys = [options[slug]["key"] for slug in values if slug in options]
            through = models.ResourcePage.related_programmes.through
            matching = through.objects.filter(programmepage__translation_key__in=keys)
            return Q(pk__in=matching.values("resourcepage_id"))
        if name == "country":
            return Q(pk__in=models.ResourceCountry.objects.filter(country__in=values).values("page_id"))
        if name == "language":
            files = public_files(models.ResourceFile.objects.filter(language__in=values), self.private_files)
            return Q(pk__in=files.values("page_id"))
        if name == "year":
            return Q(publication_date__year__in=[int(value) for value in values])
        raise ValueError(name)

    # Counting --------------------------------------------------------------------------

    def _grouped(self, name, subset):
        """(value, publication) rows of facet `name` over `subset`, as a queryset to group."""
        pages = subset.values("pk")
        if name == "type":
            return subset.order_by(), "resource_type__slug", "pk"
        if name in ("topic", "region"):
            through = (
                models.ResourcePage.topics.through if name == "topic" else models.ResourcePage.regions.through
            )
            return through.objects.filter(resourcepage_id__in=pages), f"{name}__slug", "resourcepage_id"
        if name == "programme":
            through = models.ResourcePage.related_programmes.through
            rows = through.objects.filter(resourcepage_id__in=pages)
            return rows, "programmepage__translation_key", "resourcepage_id"
        if name == "country":
            return models.ResourceCountry.objects.filter(page_id__in=pages), "country", "page_id"
        if name == "language":
            rows = public_files(models.ResourceFile.objects.filter(page_id__in=pages), self.private_files)
            return rows, "language", "page_id"
        if name == "year":
            return subset.order_by(), ExtractYear("publication_date"), "pk"
        raise ValueError(name)

    def _count_query(self, name, subset):
        rows, value, publication = self._grouped(name, subset)
        return (
            rows.order_by()
            .annotate(facet=Value(name, output_field=CharField()), value=Cast(value, CharField()))
            .values("facet", "value")
            .annotate(n=Count(publication, distinct=True))
            .values_list("facet", "value", "n")
        )

    def counts(self, subsets):
        """{facet name: {option value: number of publications}}, each facet counted over its own
        subset (`subsets[name]`, a queryset of source publications); one query for them all."""
        queries = [self._count_query(name, subsets[name]) for name in self.names]
        found = {name: {} for name in self.names}
        if not queries:
            return found
        rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
        # Programmes are counted by translation key (a UUID, spelt differently by each database).
        programmes = {str(entry["key"]): slug for slug, entry in self.options.get("programme", {}).items()}
        for name, value, count in rows:
            if value is None:
                continue
            if name == "programme":
                value = programmes.get(str(uuid.UUID(value)))
                if value is None:
                    continue
            found[name][value] = count
        return found

    def facet(self, name, counts, selected):
        """Facet `name` with its options: those counted, and the selected ones even at 0."""
        values = set(counts) | set(selected)
        if name in OPTION_FACETS:
            known = self.options[name]
            options = [
                FacetOption(
                    value,
                    known[value]["label"],
                    counts.get(value, 0),
                    value in selected,
                    language=_other_language(known[value].get("language"), self.locale),
                )
                for value in values
                if value in known
            ]
            options.sort(key=lambda o: (known[o.value]["order"], _sort_key(o.label)))
        elif name == "country":
            options = [FacetOption(v, countries.name(v), counts.get(v, 0), v in selected) for v in values]
            options.sort(key=lambda o: _sort_key(o.label))
        elif name == "language":
            options = [FacetOption(v, str(language_name(v)), counts.get(v, 0), v in selected) for v in values]
            options.sort(key=lambda o: _sort_key(o.label))
        else:
            options = [FacetOption(v, v, counts.get(v, 0), v in selected) for v in values]
            options.sort(key=lambda o: -int(o.value))
        return Facet(name, FACET_LABELS[name], options)

    def facets(self, subsets, selected, counts=None):
        """Every facet, counted over `subsets` (see `counts`) unless `counts` are given, with
        `selected` ({name: [values]})."""
        counts = self.counts(subsets) if counts is None else counts
        return [self.facet(name, counts[name], selected.get(name, [])) for name in self.names]


class LibrarySearch:
    """Parses the parameters once, then answers for results, facets and feeds."""

    def __init__(self, params, library, locale=None):
        self.library = library
        self.locale = locale or Locale.get_active()
        self.errors = []
        self.base = source_publications(library)
        self.private_files = restricted_collection_ids()
        self.facets = PublicationFacets(self.locale, private_files=self.private_files)
        self.options = self.facets.options
        self.selected = {name: self._parse_filter(name, _getlist(params, name)) for name in FILTER_PARAMS}
        self.query = self._parse_query(params)
        self.sort = self._parse_sort(params)
        self.page_param = params.get("page", "") if hasattr(params, "get") else ""

    # Parameters ------------------------------------------------------------------------

    def _parse_filter(self, name, raw_values):
        values = []
        for raw in raw_values[:MAX_VALUES_PER_FILTER]:
            value = raw.strip()
            if not value:
                continue
            if name == "year":
                year = _ascii_number(value)
                if year is None or not 1 <= year <= 9999:
                    self.errors.append(_("“%(value)s” is not a year.") % {"value": value[:40]})
                    continue
                value = str(year)
            elif name == "country":
                value = value.upper()
                if value not in countries:
                    self.errors.append(_("“%(value)s” is not a country code.") % {"value": value[:40]})
                    continue
            elif name == "language":
                value = value.lower()
                if value not in LANGUAGE_CODES:
                    self.errors.append(_("“%(value)s” is not a language code.") % {"value": value[:40]})
                    continue
            elif value not in self.options[name]:
                self.errors.append(
                    _("There is no %(filter)s “%(value)s”.")
                    % {"filter": str(FACET_LABELS[name]).lower(), "value": value[:40]}
                )
                continue
            if value not in values:
                values.append(value)
        if len(raw_values) > MAX_VALUES_PER_FILTER:
            self.errors.append(_("Too many values for one filter."))
        return values

    def _parse_query(self, params):
        query = " ".join((params.get("q") or "").split()) if hasattr(params, "get") else ""
        # PostgreSQL refuses NUL in a string literal (a server error); it is never meant.
        query = query.replace("\x00", "")
        if len(query) > MAX_QUERY_LENGTH:
            self.errors.append(
                _("The search text is too long (at most %(count)s characters).") % {"count": MAX_QUERY_LENGTH}
            )
            query = query[:MAX_QUERY_LENGTH]
        return query

    def _parse_sort(self, params):
        sort = (params.get("sort") or "").strip() if hasattr(params, "get") else ""
        if not sort:
            return DEFAULT_SORT
        if sort not in SORTS:
            self.errors.append(_("“%(value)s” is not a way to sort.") % {"value": sort[:40]})
            return DEFAULT_SORT
        return sort

    # Filtering -------------------------------------------------------------------------

    @cached_property
    def _public_translations(self):
        """Built once, as every facet filters by it."""
        return public_pages(models.ResourcePage.objects.all())

    def _text_q(self):
        if not self.query:
            return Q()
        return Q(pk__in=self._text_matches)

    @cached_property
    def _text_matches(self):
        """The source publications the text query finds, read once: the order and every facet
        filter by them (as one parameter, website/id_lists.py), instead of matching the text
        again in each (seven times in the facets' query)."""
        matching = self.base.filter(self._text_match_q()).values("pk")
        return among([row["pk"] for row in matching], fallback=matching, uses=len(FILTER_PARAMS) + 1)

    def _text_match_q(self):
        text = self.query
        # Authors, publishers and identifiers are the source's facts, matched as substrings
        # ("53/144" finds A/RES/53/144): each in its own subquery, which its trigram index
        # serves on PostgreSQL (migration 0005).
        facts = models.ResourcePage.objects.filter(Q(authors__icontains=text) | Q(publisher__icontains=text))
        identifiers = models.ResourceIdentifier.objects.filter(value__icontains=text)
        return (
            Q(pk__in=facts.values("pk"))
            | Q(pk__in=identifiers.values("page_id"))
            | Q(translation_key__in=self._translations_matching(text))
        )

    def _translations_matching(self, text):
        """Translation keys of the publications whose title or summary matches `text` in any
        language they are public in (the source is one of them): the text of a private or
        draft translation must not be found through its public source.

        Each language's search backend answers from its full-text index when it is in the
        database (PostgreSQL full text, SQLite FTS5: words, stemmed on PostgreSQL, accents
        folded), as one subquery per language. A substring match of every title and summary
        instead cost a scan of all their translations for each of the count, the page and the
        facets (issue 19: 2.2 s of SQL per request at 10,000 publications). Elasticsearch and
        OpenSearch hold their index elsewhere: there, titles and summaries are matched in SQL.
        """
        words = " ".join(TEXT_WORD.findall(text))
        subqueries = []
        for language, locale_id in self._content_locales.items():
            backend = get_search_backend(language)
            pages = public_pages(models.ResourcePage.objects.filter(locale_id=locale_id))
            results = (
                backend.search(PlainText(words, operator="and"), pages, order_by_relevance=False)
                if words
                else None
            )
            if results is not None and not hasattr(results, "get_queryset"):
                subqueries = None
                break
            if results is not None:
                subqueries.append(results.get_queryset().order_by().values("translation_key"))
        if subqueries is None:
            translations = self._public_translations.filter(
                Q(title__icontains=text) | Q(summary__icontains=text)
            )
            return translations.values("translation_key")
        if not subqueries:
            return models.ResourcePage.objects.none().values("translation_key")
        return subqueries[0].union(*subqueries[1:]) if len(subqueries) > 1 else subqueries[0]

    @cached_property
    def _content_locales(self):
        """{language code: locale id} of the content languages, each with its search backend."""
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return dict(Locale.objects.filter(language_code__in=codes).values_list("language_code", "pk"))

    def filtered(self, *, exclude=None):
        """Source publications matching every filter but `exclude`, and the text query."""
        queryset = self.base.filter(self._text_q())
        for name, values in self.selected.items():
            if values and name != exclude:
                queryset = queryset.filter(self.facets.filter_q(name, values))
        return queryset

    def ordered(self, queryset):
        if self.sort == "oldest":
            return queryset.order_by("publication_date", "pk")
        if self.sort == "title" and self.locale.language_code == settings.LANGUAGE_CODE:
            # The source's own title is the one shown: no lookup of a translation per row.
            return queryset.order_by(Lower("title"), "pk")
        if self.sort == "title":
            # The title shown (see localize_live_pages): never a private translation's.
            translated_title = self._public_translations.filter(
                translation_key=OuterRef("translation_key"), locale=self.locale
            ).values("title")[:1]
            return queryset.annotate(
                display_title=Lower(Coalesce(Subquery(translated_title), "title"))
            ).order_by("display_title", "pk")
        return queryset.order_by("-publication_date", "-pk")

    # Results ---------------------------------------------------------------------------

    def _order_and_counts(self):
        """(ids of the matching source publications in the order shown, facet counts, and their
        total): three queries at most, whatever the number of publications."""
        subsets = {name: self.filtered(exclude=name) for name in FILTER_PARAMS}
        counts = self.facets.counts(subsets)
        ids = list(self.ordered(self.filtered()).values_list("pk", flat=True))
        return ids, counts

    def result(self, *, page_size=PAGE_SIZE):
        # Found once per library, filters, text and sort until content changes (the facet counts
        # and the text match are the library's costliest queries, and the text match would
        # otherwise run again for the count, the page and each facet); the parsed values only,
        # never the raw query string. Then one query for the page's publications.
        selection = sorted((name, sorted(values)) for name, values in self.selected.items() if values)
        ids, counts = cached(
            "library-results",
            [getattr(self.library, "pk", None), selection, self.query, self.sort],
            self._order_and_counts,
        )
        facets = self.facets.facets({}, self.selected, counts)
        paginator = Paginator(ids, page_size, allow_empty_first_page=True)
        page_not_found = False
        page_number = 1
        if self.page_param not in ("", None):
            raw = str(self.page_param).strip()
            number = _ascii_number(raw)
            if number is None or number < 1:
                self.errors.append(_("“%(value)s” is not a page number.") % {"value": raw[:40]})
            else:
                page_number = number
        if page_number > paginator.num_pages:
            page_not_found = True
            items = []
        else:
            page_ids = list(paginator.page(page_number).object_list)
            by_pk = models.ResourcePage.objects.in_bulk(page_ids)
            sources = [by_pk[pk] for pk in page_ids if pk in by_pk]
            items = describe_publications(sources, self.locale, self.private_files)
        return LibraryResult(
            items=items,
            total=paginator.count,
            page_number=page_number,
            num_pages=paginator.num_pages,
            page_size=page_size,
            sort=self.sort,
            query=self.query,
            filters={name: list(values) for name, values in self.selected.items()},
            facets=facets,
            errors=list(self.errors),
            page_not_found=page_not_found,
        )

    def feed_items(self, limit=FEED_SIZE):
        """The newest additions to the library (by first publication online) for a feed."""
        newest = F("first_published_at").desc(nulls_last=True)
        sources = list(self.filtered().order_by(newest, "-publication_date", "-pk")[:limit])
        return describe_publications(sources, self.locale, self.private_files)


def _other_language(language, locale):
    return language if language and language != locale.language_code else ""


def search_library(params, library, locale=None, *, page_size=PAGE_SIZE):
    """One page of the library for these parameters: see `LibraryResult`."""
    return LibrarySearch(params, library, locale).result(page_size=page_size)


# Presenting publications -------------------------------------------------------------


@dataclass
class PublicationFile:
    url: str
    title: str
    language: str
    language_name: str
    language_name_local: str
    label: str
    format: str
    size: int | None
    size_display: str


@dataclass
class PublicationItem:
    """A publication as a list shows it: the page in the visitor's language, facts from the source."""

    page: "models.ResourcePage"
    source: "models.ResourcePage"
    type_label: str
    files: list[PublicationFile]

    @property
    def languages(self):
        seen = []
        for file in self.files:
            if file.language not in [code for code, _name, _local in seen]:
                seen.append((file.language, file.language_name, file.language_name_local))
        return seen

    @property
    def only_language(self):
        """The one language every file is in, when it is not the page's own."""
        languages = self.languages
        if len(languages) == 1 and languages[0][0] != self.page.locale.language_code:
            return languages[0]
        return None

    @property
    def year(self):
        return self.source.publication_date.year


def _files_by_page(page_ids, *, check_storage=False, private=None):
    """Public file rows per page. `check_storage` also drops files missing from storage."""
    rows = public_files(models.ResourceFile.objects.filter(page_id__in=page_ids), private).select_related(
        "document"
    )
    by_page = {}
    for row in rows.order_by("page_id", "sort_order", "pk"):
        document = row.document
        if not document.file or (check_storage and file_is_missing(document.file)):
            continue  # never link to a file that is not there
        size = file_size(document)
        by_page.setdefault(row.page_id, []).append(
            PublicationFile(
                url=document.url,
                title=document.title,
                language=row.language,
                language_name=str(language_name(row.language)),
                language_name_local=language_name_local(row.language),
                label=row.label,
                format=file_extension(document),
                size=size,
                size_display=size_display(size),
            )
        )
    return by_page


def _type_labels(type_ids, locale):
    return {pk: label for pk, (_row, label) in _localized_types(type_ids, locale).items()}


def _localized_types(type_ids, locale):
    """{type id: (type, its name in `locale`)} for the live types of `type_ids`; one query."""
    types = models.ResourceType.objects.filter(
        Q(pk__in=type_ids)
        | Q(
            locale=locale,
            translation_key__in=models.ResourceType.objects.filter(pk__in=type_ids).values("translation_key"),
        ),
        live=True,
    )
    by_key = {}
    labels = {}
    for row in types:
        if row.pk in type_ids:
            labels[row.pk] = row
        if row.locale_id == locale.pk:
            by_key[row.translation_key] = row.name
    return {pk: (row, by_key.get(row.translation_key, row.name)) for pk, row in labels.items()}


def describe_publications(sources, locale, private_files=None):
    """Source publications → items in `locale`, with their files and type. Five queries at most."""
    if not sources:
        return []
    shown = localize_live_pages(sources, locale)
    by_key = {page.translation_key: page for page in shown}
    # Lists check storage as the publication's page does, so a card's languages and the API's
    # file links never promise a file that is gone: a stat per file on local disk, no request
    # to a remote storage (website/files.py).
    files = _files_by_page([source.pk for source in sources], check_storage=True, private=private_files)
    type_labels = _type_labels({source.resource_type_id for source in sources}, locale)
    return [
        PublicationItem(
            page=by_key.get(source.translation_key, source),
            source=source,
            type_label=type_labels.get(source.resource_type_id, ""),
            files=files.get(source.pk, []),
        )
        for source in sources
    ]


PROGRAMME_LIST_SIZE = 6


def programme_publications(programme, limit=PROGRAMME_LIST_SIZE):
    """The newest live, public publications that support `programme`, in its page's language.

    Returns (items, more_url): `more_url` leads to the library filtered by the programme when
    there are more than `limit`.
    """
    through = models.ResourcePage.related_programmes.through
    linked = through.objects.filter(programmepage__translation_key=programme.translation_key)
    sources = source_publications(None).filter(pk__in=linked.values("resourcepage_id"))
    sources = list(sources.order_by("-publication_date", "-pk")[: limit + 1])
    more_url = ""
    if len(sources) > limit:
        sources = sources[:limit]
        more_url = _programme_library_url(programme)
    return describe_publications(sources, programme.locale), more_url


def _programme_library_url(programme):
    library = public_library(programme.locale)
    source = ProgrammePage.objects.filter(
        translation_key=programme.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if library is None or source is None:
        return ""
    return f"{library.url}?programme={source.slug}"


def publication_details(page):
    """Everything a publication's own page shows, with the facts read from the source page."""
    source = page.facts
    locale = page.locale
    files = _files_by_page([source.pk], check_storage=True).get(source.pk, [])
    resource_type, type_label = _localized_types({source.resource_type_id}, locale).get(
        source.resource_type_id, (None, "")
    )
    if resource_type is None:  # a type withdrawn (not live) since: its slug still filters the library
        resource_type = source.resource_type
    countries_seen = []
    for row in source.countries.all():
        if row.country.code not in [code for code, _name in countries_seen]:
            countries_seen.append((row.country.code, row.country.name))
    return {
        "publication": PublicationItem(page=page, source=source, type_label=type_label, files=files),
        "facts": source,
        "resource_type_slug": resource_type.slug,
        "topics": localize_all(source.topics.select_related("locale"), locale),
        "regions": localize_all(source.regions.select_related("locale"), locale),
        "countries": countries_seen,
        "identifiers": [
            {
                "scheme": row.get_scheme_display(),
                "value": row.value,
                "language": str(language_name(row.language)) if row.language else "",
            }
            for row in source.identifiers.all()
        ],
        "programmes": localize_live_pages(source.related_programmes.all(), locale),
        "library": page.get_parent(),
    }
