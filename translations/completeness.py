"""How much of a translation is done: what a translator must finish and a moderator should see.

A segment counts as translated when it has a translation without an error,
as wagtail-localize counts it (`Translation.get_progress()`). A segment that
must stay as it is (a proper name, a UN symbol such as A/RES/53/144) is kept
on purpose by entering the source text as its translation: the segment
editor then shows it as translated, and so does everything here. Overridable
segments (images, documents, links) and related snippets are not counted:
they fall back to the source, which is a valid choice.

Only synchronised translations (an enabled wagtail-localize `Translation`)
have segments; a page copied without wagtail-localize, or whose translation
was stopped, has no completeness to check.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import Translation

from .status import segment_counts


@dataclass(frozen=True)
class Progress:
    translated: int
    total: int

    @property
    def missing(self):
        return self.total - self.translated

    @property
    def complete(self):
        return self.missing == 0

    def summary(self):
        """ "14/15 translated", for listings."""
        return _("%(translated)s/%(total)s translated") % {"translated": self.translated, "total": self.total}

    def missing_message(self):
        """ "3 of 15 segments are not translated yet.", or "" when complete."""
        if self.complete:
            return ""
        return ngettext(
            "%(missing)s of %(total)s segments is not translated yet.",
            "%(missing)s of %(total)s segments are not translated yet.",
            self.missing,
        ) % {"missing": self.missing, "total": self.total}


def translation_of(instance):
    """The enabled wagtail-localize translation that `instance` is the target of, or None."""
    if getattr(instance, "translation_key", None) is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def progress_of_translation(translation):
    total, translated = translation.get_progress()
    return Progress(translated=translated, total=total)


def progress_of(instance):
    """The Progress of a page or snippet's synchronised translation, or None if it has none."""
    translation = translation_of(instance)
    return progress_of_translation(translation) if translation is not None else None


def progress_by_object(instances):
    """{(translation_key, locale_id): Progress} for the synchronised translations among `instances`.

    One query for the translation records and one per language, whatever the
    number of objects, for listings such as the moderator's dashboard.
    """
    wanted = {
        (obj.translation_key, obj.locale_id) for obj in instances if getattr(obj, "translation_key", None)
    }
    if not wanted:
        return {}
    translations = Translation.objects.filter(
        source__object_id__in={key for key, _locale in wanted},
        target_locale_id__in={locale for _key, locale in wanted},
        enabled=True,
    ).values_list("source_id", "source__object_id", "target_locale_id")
    sources = {}
    for source_id, key, locale_id in translations:
        if (key, locale_id) in wanted:
            sources.setdefault(locale_id, {})[source_id] = key
    result = {}
    for locale_id, keys_by_source in sources.items():
        for row in segment_counts(list(keys_by_source), locale_id):
            key = keys_by_source[row["source_id"]]
            result[(key, locale_id)] = Progress(translated=row["translated"], total=row["total"])
        for key in keys_by_source.values():
            # A source without any text segment is complete by definition.
            result.setdefault((key, locale_id), Progress(translated=0, total=0))
    return result
