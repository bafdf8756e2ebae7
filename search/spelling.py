"""Typos: "did you mean", and the results for it, when a query finds nothing.

Each word of the query is compared with the words of the titles of the live,
public pages of the visitor's language (programmes and publications): a word no
title holds is replaced by the nearest title word, if one is near enough
("polcy" → "policies", "raporteur" → "rapporteur"). On PostgreSQL pg_trgm
(search/migrations/0007) picks the few titles nearest each word in SQL; on SQLite
the language's title words are read once (cached) and compared in Python.
Elasticsearch/OpenSearch also get their own fuzzy query (search.query).

Never for document symbols or numbers ("A/RES/53/145" is not a typo of
"A/RES/53/144"): only words of letters are corrected. Bounded whatever the query:
at most MAX_WORDS words of at most MAX_WORD_LENGTH letters are looked at (the
query itself is cut to 200 characters before).
"""

import difflib

from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection

from website.language_profiles import profile

from .ranking import significant
from .snippets import fold

MAX_WORDS = 6
MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 30
# How alike a title word must be (difflib's ratio) to replace a word typed.
CUTOFF = 0.72
# Titles pg_trgm returns per word, among which the nearest word is chosen.
TITLES_PER_WORD = 5
VOCABULARY_SECONDS = 300


def correctable(term):
    return term.isalpha() and MIN_WORD_LENGTH <= len(term) <= MAX_WORD_LENGTH


def likeness(word, candidate):
    """How alike two folded words are (0-1): as they stand, or `word` against the start of
    `candidate`, so a typo of a singular finds the plural in a title ("polcy", "policies")."""
    whole = difflib.SequenceMatcher(None, word, candidate).ratio()
    start = difflib.SequenceMatcher(None, word, candidate[: len(word) + 1]).ratio()
    return max(whole, start)


def nearest(word, candidates):
    """The candidate nearest `word` (folded), or None if none is near enough."""
    best, best_score = None, CUTOFF
    for candidate in candidates:
        # Cheap bounds first: a word of very different length is never near.
        if abs(len(candidate) - len(word)) > max(3, len(word) // 2) and not candidate.startswith(word[:2]):
            continue
        score = likeness(word, candidate)
        if score > best_score or (score == best_score and best is None):
            best, best_score = candidate, score
    return best


def title_vocabulary(pages, language):
    """Every folded title word of `pages` (SQLite), cached per language for a few minutes."""
    key = f"search:title-words:{language}"
    words = cache.get(key)
    if words is None:
        stop_words = profile(language).stop_words
        words = set()
        for title in pages.values_list("title", flat=True).iterator():
            words.update(significant(title, stop_words))
        words = sorted(words)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def trigram_candidates(word, pages, language):
    """Title words of the few titles pg_trgm finds nearest `word` (PostgreSQL)."""
    stop_words = profile(language).stop_words
    titles = (
        pages.annotate(similarity=TrigramWordSimilarity(word, "title"))
        .filter(similarity__gt=0.3)
        .order_by("-similarity")
        .values_list("title", flat=True)[:TITLES_PER_WORD]
    )
    words = set()
    for title in titles:
        words.update(significant(title, stop_words))
    return sorted(words)


def correct(terms, language, pages):
    """The query's terms with typos replaced, or None when nothing was replaced."""
    stop_words = profile(language).stop_words
    corrected, changed, looked_at = [], False, 0
    vocabulary = None
    for term in terms:
        folded = fold(term)
        if not correctable(term) or folded in stop_words or looked_at >= MAX_WORDS:
            corrected.append(term)
            continue
        looked_at += 1
        if connection.vendor == "postgresql":
            candidates = trigram_candidates(folded, pages, language)
        else:
            vocabulary = vocabulary if vocabulary is not None else title_vocabulary(pages, language)
            candidates = vocabulary
        if folded in candidates:
            corrected.append(term)
            continue
        replacement = nearest(folded, candidates)
        if replacement is None:
            corrected.append(term)
        else:
            corrected.append(replacement)
            changed = True
    return corrected if changed else None
