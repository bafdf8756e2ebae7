"""The order of results: what the title says first, then what the backend scored.

Backends rank by term frequency, so a page that mentions a phrase in passing
(or has it as a tag) can outrank the page named after it: "special rapporteur"
put the programme "Supporting the UN Special Rapporteur" last of four. The ids
the backend found (at most search.query.MAX_HITS) are therefore put in this
order, the same on SQLite, PostgreSQL and Elasticsearch/OpenSearch:

1. pages whose title holds the whole query as a phrase;
2. then those whose title holds every query word, in any order;
3. then those whose title holds more of the query words;
4. then every other match, in the backend's order.

Within 1-3, a programme (the site's own page on its subject) comes before a
publication, then the title the query covers most (the shortest title naming
it), then, among publications only, the newest; the backend's order settles the
rest.

Dated pages (news, statements, events) come after all the others, ranked among
themselves the same way: they mention a country, a resolution or an institution
in passing, or by name in a title ("Side event at the African Commission"), and
would otherwise push down the report or resolution a visitor looks for; the news
and events lists are where they are read by date. A query word matches a title word by its first letters (a crude stem that
serves every language and keeps "polic" in "policy" and "policies"), after case
and accents are folded; each word may match any of its synonyms and gender forms.

Two queries, whatever the number of hits.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from website.id_lists import among
from website.language_profiles import profile

from .snippets import fold
from .synonyms import WORD

# Groups compared with titles at most (the first ones, repeats dropped): the cost of ranking
# 1,000 hits stays small whatever the query's length.
MAX_GROUPS = 8
# Query words of this length or less must match a title word whole (or with an "s"):
# "UN" is not "under", "EU" is not "Europe".
SHORT_WORD = 4


def stem(word):
    """The letters a title word must start with to match `word` (folded)."""
    return word[: max(5, len(word) - 5)]


def word_matcher(query_word):
    """A test of title words for `query_word`, built once per search rather than per title word."""
    if len(query_word) <= SHORT_WORD or not query_word.isalpha():
        return frozenset((query_word, query_word + "s")).__contains__
    prefix = stem(query_word)
    return lambda title_word: title_word.startswith(prefix)


def word_matches(query_word, title_word):
    return word_matcher(query_word)(title_word)


# Titles share most of their words, and folding a word (Unicode decomposition, one
# character at a time) was the costliest step of ranking 1,000 hits.
@lru_cache(maxsize=50_000)
def fold_word(word):
    return fold(word)


def significant(text, stop_words):
    """Folded words of `text`, without stop words and stray letters (the "l" of "l'UE")."""
    return [
        word
        for word in map(fold_word, WORD.findall(text))
        if word not in stop_words and (len(word) > 1 or word.isdigit())
    ]


@dataclass
class Group:
    """One unit of the query: any of its alternatives (each a list of folded words) must match."""

    alternatives: list
    matchers: list = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.matchers = [[word_matcher(word) for word in words] for words in self.alternatives]

    def spans(self, title_words):
        """(start, end) of every place in the title where an alternative matches."""
        found = set()
        for matchers in self.matchers:
            length = len(matchers)
            first = matchers[0]
            for start in range(len(title_words) - length + 1):
                if first(title_words[start]) and all(
                    matches(title_words[start + i]) for i, matches in enumerate(matchers[1:], start=1)
                ):
                    found.add((start, start + length))
        return found


def query_groups(units, language):
    """Ranking groups from the query's units (search/synonyms.py), stop words left out."""
    stop_words = profile(language).stop_words
    found, seen = [], set()
    for typed, alternatives in units:
        texts = alternatives or typed
        words = [significant(text, stop_words) for text in texts]
        words = [alternative for alternative in words if alternative]
        key = tuple(tuple(alternative) for alternative in words)
        if words and key not in seen:
            seen.add(key)
            found.append(Group(words))
    return found[:MAX_GROUPS]


def title_match(groups, title_words):
    """(tier, groups matched, words covered) of one title; tier 0 is the whole phrase."""
    spans = [group.spans(title_words) for group in groups]
    matched = sum(1 for found in spans if found)
    if not matched:
        return 3, 0, 0
    covered = set()
    for found in spans:
        for start, end in found:
            covered.update(range(start, end))
    if matched < len(groups):
        return 2, matched, len(covered)
    # The phrase: each group right after the previous one.
    ends = {end for _start, end in spans[0]}
    for found in spans[1:]:
        ends = {end for start, end in found if start in ends}
    return (0 if ends else 1), matched, len(covered)


def rank(ids, groups, language, programme_model=None, publication_model=None, dated_models=()):
    """`ids` (in the backend's order) in the order shown to visitors."""
    if len(ids) < 2 or not groups:
        return ids
    stop_words = profile(language).stop_words
    rows = Page.objects.filter(pk__in=among(ids)).values_list("pk", "title", "content_type_id")
    kinds = {}
    if programme_model is not None:
        kinds[_content_type_id(programme_model)] = 0
    dates = {}
    if publication_model is not None:
        kinds[_content_type_id(publication_model)] = 1
    dated_types = {_content_type_id(model) for model in dated_models}
    keys = {}
    dated = set()
    backend_order = {pk: position for position, pk in enumerate(ids)}
    titled = []
    for pk, title, content_type_id in rows:
        words = significant(title, stop_words)
        tier, matched, covered = title_match(groups, words)
        keys[pk] = (tier, -matched, kinds.get(content_type_id, 2), -round(covered / max(len(words), 1), 3))
        if content_type_id in dated_types:
            dated.add(pk)
        if tier < 3:
            titled.append(pk)
    if publication_model is not None and titled:
        dates = dict(
            publication_model.objects.filter(pk__in=among(titled)).values_list("pk", "publication_date")
        )

    def order(pk):
        key = keys.get(pk, (3, 0, 2, 0))
        if key[0] == 3:
            return (pk in dated, 3, backend_order[pk])
        newest_first = -dates[pk].toordinal() if pk in dates and dates[pk] else 0
        return (pk in dated, *key, newest_first, backend_order[pk])

    return sorted(ids, key=order)


def _content_type_id(model):
    return ContentType.objects.get_for_model(model).pk
