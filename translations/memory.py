"""Translation memory: the site's own earlier translations, offered where a segment lost its own.

wagtail-localize keys a translation on the exact source string and its place
(`StringTranslation`: string, context, language). When the source of a
paragraph changes and the translation is synced, the new wording has no
translation and the segment comes back blank, although the translation of the
old wording is still stored. For each segment without a translation in a
language, two kinds of suggestion are drawn from those rows, in that language
only:

previous
    the translation of the string that stood at the same place (same object
    and content path) before the source changed. Where several strings of one
    place changed (paragraphs of one rich text block), each new string is
    paired with the most similar old one. The old and new source are compared
    word by word, so the translator sees what changed.
same text
    translations of the identical source string elsewhere on the site (another
    page, snippet or field), newest first.

Nothing is filled in by itself: a stale translation must not pass for a
finished one. The translator picks a suggestion (`use_suggestion`), which
stores it as their translation of the segment; the segment editor then shows
it, to be edited like any other.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail_localize.models import StringSegment, StringTranslation

PREVIOUS = "previous"
SAME_TEXT = "same_text"
MAX_SAME_TEXT = 3


def plain_text(data):
    """A segment's text without its inline markup (`<b>`, `<a id="a1">`), as a reader sees it."""
    return html.unescape(strip_tags(data))


def _words(text):
    return re.findall(r"\s+|[^\s]+", text)


def word_diff(old, new):
    """(before, after) as safe HTML: `old` with removed words in <del>, `new` with added words in <ins>."""
    old_words, new_words = _words(old), _words(new)
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = "".join(old_words[old_start:old_end])
        added = "".join(new_words[new_start:new_end])
        if tag == "equal":
            before.append(escape(removed))
            after.append(escape(added))
            continue
        if removed:
            before.append(format_html("<del>{}</del>", removed))
        if added:
            after.append(format_html("<ins>{}</ins>", added))
    # Every piece was escaped above.
    return mark_safe("".join(before)), mark_safe("".join(after))


def _similarity(old, new):
    return difflib.SequenceMatcher(a=_words(old), b=_words(new), autojunk=False).ratio()


@dataclass
class Suggestion:
    kind: str  # PREVIOUS or SAME_TEXT
    translation: StringTranslation  # the stored translation offered

    @property
    def id(self):
        return self.translation.pk

    @property
    def text(self):
        return plain_text(self.translation.data)


@dataclass
class ChangedSegment:
    """A segment without a translation for which the memory has something to offer."""

    segment: StringSegment
    previous: Suggestion | None = None
    same_text: list[Suggestion] = field(default_factory=list)

    @property
    def source(self):
        return plain_text(self.segment.string.data)

    @property
    def old_source(self):
        return plain_text(self.previous.translation.translation_of.data) if self.previous else None

    @property
    def diff(self):
        """(before, after) word diff of the source, or None without a previous translation."""
        return word_diff(self.old_source, self.source) if self.previous else None

    @property
    def suggestions(self):
        return ([self.previous] if self.previous else []) + self.same_text


def _untranslated_segments(translation):
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id, include_errors=True)
        .select_related("string", "context")
        .order_by("order")
    )
    current = {}
    for segment in segments:
        current.setdefault(segment.context_id, set()).add(segment.string_id)
    return [segment for segment in segments if segment.translation is None], current


def _pair_previous(untranslated, current, locale_id):
    """{segment id: StringTranslation} of the old string each changed segment replaced."""
    by_context = {}
    for segment in untranslated:
        by_context.setdefault(segment.context_id, []).append(segment)
    candidates = {}
    for row in (
        StringTranslation.objects.filter(locale_id=locale_id, context_id__in=by_context, has_error=False)
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    ):
        if row.translation_of_id not in current[row.context_id]:
            candidates.setdefault(row.context_id, []).append(row)
    paired = {}
    for context_id, segments in by_context.items():
        old_rows = candidates.get(context_id, [])
        # Most similar pairs first; each old string replaces one new string at most.
        # sorted() is stable, so among equally similar rows the newest wins.
        pairs = sorted(
            (
                (-_similarity(row.translation_of.data, segment.string.data), index, segment, row)
                for segment in segments
                for index, row in enumerate(old_rows)
            ),
            key=lambda pair: pair[:2],
        )
        used = set()
        for _score, _index, segment, row in pairs:
            if segment.pk not in paired and row.pk not in used:
                paired[segment.pk] = row
                used.add(row.pk)
    return paired


def _same_text(untranslated, locale_id):
    """{string id: [StringTranslation, …]}: distinct translations of each string elsewhere, newest first."""
    found = {}
    for row in (
        StringTranslation.objects.filter(
            locale_id=locale_id,
            translation_of_id__in={segment.string_id for segment in untranslated},
            has_error=False,
        )
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    ):
        rows = found.setdefault(row.translation_of_id, [])
        if len(rows) < MAX_SAME_TEXT and row.data not in {other.data for other in rows}:
            rows.append(row)
    return found


def changed_segments(translation):
    """The segments of `translation` that have no translation and something in the memory, in page order.

    A fixed number of queries, whatever the number of segments.
    """
    untranslated, current = _untranslated_segments(translation)
    if not untranslated:
        return []
    locale_id = translation.target_locale_id
    previous = _pair_previous(untranslated, current, locale_id)
    same_text = _same_text(untranslated, locale_id)
    changed = []
    for segment in untranslated:
        earlier = previous.get(segment.pk)
        offered = {earlier.data} if earlier else set()
        others = [row for row in same_text.get(segment.string_id, []) if row.data not in offered]
        if earlier is None and not others:
            continue
        changed.append(
            ChangedSegment(
                segment=segment,
                previous=Suggestion(PREVIOUS, earlier) if earlier else None,
                same_text=[Suggestion(SAME_TEXT, row) for row in others],
            )
        )
    return changed


class NotASuggestion(Exception):
    """The segment is not waiting for a translation, or the memory does not offer that one for it."""


@transaction.atomic
def use_suggestion(translation, segment_id, suggestion_id, user):
    """Store suggestion `suggestion_id` as the translation of segment `segment_id`; return it.

    Only a suggestion the memory offers for that segment now is accepted, so a
    request cannot copy another language's text or overwrite a translation.
    """
    for changed in changed_segments(translation):
        if changed.segment.pk != segment_id:
            continue
        for suggestion in changed.suggestions:
            if suggestion.id == suggestion_id:
                segment = changed.segment
                stored, _created = StringTranslation.objects.update_or_create(
                    translation_of_id=segment.string_id,
                    locale_id=translation.target_locale_id,
                    context_id=segment.context_id,
                    defaults={
                        "data": suggestion.translation.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "tool_name": "",
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
                return stored
    raise NotASuggestion
