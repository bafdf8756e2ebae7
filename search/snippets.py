"""The highlighted extract shown under each search result.

The extract comes from the text the page was found by: its summary or body,
else its identifiers and labels, else the passage of its PDF around the match.
Publications' texts are read for the whole page of results at once
(resources/search_text.py), so a page of results costs the same few queries
whatever the number of hits.
"""

import html
import re
import unicodedata

from resources.search_text import publication_texts
from website.language_profiles import profile

from .inflection import word_forms

SNIPPET_LENGTH = 220
# Matches looked at when choosing the passage: enough for a long PDF's first chapters.
MAX_MATCHES = 400
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
# Block keys that hold ids and names rather than text.
BLOCK_KEYS = {"id", "type"}


# Arabic letters that NFKD leaves alone but search folds (search/inflection.py), one for one.
ARABIC_FOLDS = str.maketrans("ٱةى", "اهي")


def fold(text):
    """Lower case without accents, one character for one, so positions map back.

    NFKD already takes the hamza off "أ", "إ", "آ", "ؤ" and "ئ"; ARABIC_FOLDS does the rest.
    """
    return "".join(unicodedata.normalize("NFKD", char)[:1].lower() or " " for char in text).translate(
        ARABIC_FOLDS
    )


def highlight_terms(terms, language):
    """The terms worth marking, each with its other-gender forms; no stop words unless nothing else is left."""
    stop_words = profile(language).stop_words
    kept = [term for term in terms if fold(term) not in stop_words] or list(terms)
    return [word_forms(term, language) for term in kept]


def is_identifier(term):
    return not term.isalpha()


def form_pattern(form):
    """A word also marks its inflected forms ("mécanismes" marks "mécanisme", "nationaux"
    "national"); an identifier or a number is marked whole, as written."""
    folded = fold(form)
    if is_identifier(form):
        return r"(?<!\w)" + re.escape(folded) + r"(?!\w)"
    return r"\b" + re.escape(folded[: max(4, len(folded) - 3)]) + r"\w*"


def term_patterns(term_forms):
    """One pattern per query term (matching any of its forms), duplicates dropped."""
    patterns = {}
    for forms in term_forms:
        alternatives = sorted({form_pattern(form) for form in forms if len(form) > 1}, key=len, reverse=True)
        if alternatives:
            pattern = "|".join(f"(?:{alternative})" for alternative in alternatives)
            patterns.setdefault(pattern, re.compile(pattern))
    return list(patterns.values())


def clean_text(text):
    """Plain text from a field that may hold HTML: tags become spaces, entities characters."""
    return " ".join(html.unescape(TAG.sub(" ", text or "")).split())


def stream_text(stream):
    """The prose of a StreamField, without rendering it (no templates, no queries)."""
    texts = []

    def collect(value):
        if isinstance(value, str):
            text = clean_text(value)
            # Prose has spaces; ids, choice values and URLs do not.
            if " " in text and not UUID.match(text):
                texts.append(text)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in BLOCK_KEYS:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect([block.get("value") for block in stream.raw_data])
    return " ".join(texts)


def matches(folded, patterns):
    """(start, end, pattern number) of the first MAX_MATCHES matches, in text order."""
    found = []
    for number, pattern in enumerate(patterns):
        for match in pattern.finditer(folded):
            found.append((match.start(), match.end(), number))
            if len(found) >= MAX_MATCHES:
                break
    # Leftmost first and, where two start together, the longer one.
    found.sort(key=lambda match: (match[0], -match[1]))
    return found[:MAX_MATCHES]


def coverage(text, patterns):
    folded = fold(text)
    return sum(1 for pattern in patterns if pattern.search(folded))


def best_start(found, length):
    """Where the passage with the most different terms (then the most matches) begins."""
    best, best_score = 0, (0, 0)
    for index, (start, _end, _number) in enumerate(found):
        inside = [number for position, _e, number in found[index:] if position < start + length]
        score = (len(set(inside)), len(inside))
        if score > best_score:
            best, best_score = start, score
    return best


def highlight(text, patterns, length=SNIPPET_LENGTH):
    """An HTML-escaped extract of `text` around its best passage, matches in <mark>."""
    text = " ".join((text or "").split())
    folded = fold(text)
    found = matches(folded, patterns)
    start = 0
    if found:
        first = best_start(found, length)
        if first > length // 3:
            start = text.rfind(" ", 0, first - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start > 0 else ""]
    position = start
    for match_start, match_end, _number in found:
        if match_start < position or match_end > end:
            continue
        parts.append(html.escape(text[position:match_start]))
        parts.append(f"<mark>{html.escape(text[match_start:match_end])}</mark>")
        position = match_end
    parts.append(html.escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def own_texts(page):
    """The page's own fields a snippet may quote, in order of preference."""
    texts = [getattr(page, "summary", ""), page.search_description, page.listing_summary]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        texts.append(stream_text(body))
    return [clean_text(text) for text in texts if text]


def best_text(texts, patterns):
    """The text that shows the most of the query's terms; the first one on a tie."""
    best, best_coverage = (texts[0] if texts else ""), 0
    for text in texts:
        found = coverage(text, patterns)
        if found > best_coverage:
            best, best_coverage = text, found
    return best, best_coverage


def snippets(pages, terms, language):
    """{page pk: HTML snippet} for a page of results; publications' texts read once, in bulk."""
    patterns = term_patterns(highlight_terms(terms, language))
    chosen = {page.pk: best_text(own_texts(page), patterns) for page in pages}
    # Only pages whose own fields miss some of the terms need their identifiers or PDFs.
    incomplete = [page for page in pages if chosen[page.pk][1] < len(patterns)]
    for pk, text in publication_texts(incomplete).items():
        own, own_coverage = chosen[pk]
        extra, extra_coverage = best_text(text.passages(), patterns)
        if extra_coverage > own_coverage:
            chosen[pk] = (extra, extra_coverage)
    return {pk: highlight(text, patterns) for pk, (text, _coverage) in chosen.items()}
