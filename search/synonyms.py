"""Synonyms and acronyms: a query word or phrase searched as any term of its group.

Groups are SynonymGroup snippets, one set per language, edited by comms staff in
the admin and seeded by search/migrations/0006 from search/synonym_seed.py. The query is
read into *units*, each a list of alternatives (an alternative being one or more
words): "lignes directrices UE" is two units, {lignes directrices | orientations}
and {UE | EU | Union européenne}. search/query.py turns the units into the
backend query (any alternative of every unit must match), so expansion works the
same on SQLite, PostgreSQL and Elasticsearch/OpenSearch, and search/ranking.py
looks for the same alternatives in titles.

Matching ignores case, accents, a plural "s" and stop words, so "Lignes
directrices" and "ligne directrice" both find the group.
"""

import re

from django.conf import settings
from django.core.cache import cache

from website.language_profiles import profile

from .models import SynonymGroup
from .snippets import fold

# Longest phrase looked up, in words (stop words not counted).
MAX_PHRASE_WORDS = 6
CACHE_SECONDS = 600


def cache_key(language):
    return f"search:synonyms:{language}"


def forget(language=None):
    """Drop the cached groups (after an edit in the admin)."""
    codes = [language] if language else [code for code, _name in settings.LANGUAGES]
    cache.delete_many([cache_key(code) for code in codes])


def groups(language):
    """The synonym groups of `language`, each a list of terms; one query, then cached."""
    key = cache_key(language)
    found = cache.get(key)
    if found is None:
        found = [
            group.term_list()
            for group in SynonymGroup.objects.filter(locale__language_code=language).order_by("pk")
        ]
        cache.set(key, found, CACHE_SECONDS)
    return found


WORD = re.compile(r"\w+")


def words(text):
    return WORD.findall(text)


def normal(word, stop_words):
    """A word as groups are looked up: folded, plural "s" dropped; None for a stop word."""
    folded = fold(word)
    if folded in stop_words or len(folded) < 2 and not folded.isdigit():
        return None
    return folded[:-1] if len(folded) > 3 and folded.endswith("s") else folded


def lookup_key(text, stop_words):
    return tuple(key for key in (normal(word, stop_words) for word in words(text)) if key)


def index(language):
    """{lookup key of a term: the group's terms}."""
    stop_words = profile(language).stop_words
    table = {}
    for terms in groups(language):
        for term in terms:
            key = lookup_key(term, stop_words)
            if key and len(key) <= MAX_PHRASE_WORDS:
                table.setdefault(key, terms)
    return table


def units(terms, language):
    """The query terms read into units: [(typed terms, alternatives or None)].

    A unit with alternatives is a synonym group's match (the alternatives are the
    group's terms, the typed words first); one without is a plain term, searched
    as before.
    """
    stop_words = profile(language).stop_words
    table = index(language) if any(term.isalpha() for term in terms) else {}
    # A word's lookup key; "" for a stop word (skipped inside a phrase), None for a symbol
    # or a number, which a phrase never spans and which is never expanded.
    keys = [(normal(term, stop_words) or "") if term.replace("-", "").isalpha() else None for term in terms]
    found, position = [], 0
    while position < len(terms):
        match = None
        if table and keys[position]:
            # The longest phrase first, stop words inside it skipped.
            for end in range(min(len(terms), position + MAX_PHRASE_WORDS * 2), position, -1):
                if not keys[end - 1] or None in keys[position:end]:
                    continue
                key = tuple(key for key in keys[position:end] if key)
                if key in table:
                    match = (end, table[key])
                    break
        if match:
            end, group = match
            typed = terms[position:end]
            alternatives = list(dict.fromkeys([" ".join(typed), *group]))
            found.append((typed, alternatives))
            position = end
        else:
            found.append(([terms[position]], None))
            position += 1
    return found
