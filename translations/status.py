"""Where each page and snippet stands in each language.

For every translatable page and snippet in the source language
(`settings.LANGUAGE_CODE`) and every other locale, the translation is:

missing
    No translation exists in that language (an alias page, which only mirrors
    the source, counts as missing).
out of date
    The source changed after the translation was last synced with it: the
    source page was published (snippets: saved) after wagtail-localize last
    read its content for this translation (`TranslationSource.last_updated_at`),
    or, for a translation made without wagtail-localize, after the translation
    was last published. The date the source changed is given.
in progress
    Not out of date, but not finished: the translation was never published, or
    it has a draft waiting (e.g. submitted for review), or it was synced with
    a newer source and not published since, or some of its segments have no
    translation yet in wagtail-localize.
up to date
    None of the above.

Everything is computed with a fixed number of queries per model and language,
whatever the number of pages and snippets.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, ModelLogEntry, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
IN_PROGRESS = "in_progress"
MISSING = "missing"

STATUS_LABELS = {
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("In progress"),
    MISSING: _("Missing"),
    UP_TO_DATE: _("Up to date"),
}
STATUSES = list(STATUS_LABELS)


@dataclass
class TranslationStatus:
    kind: str  # the model's verbose name
    title: str
    source_id: object
    source_edit_url: str
    locale: Locale
    status: str
    source_changed_at: datetime | None
    synced_at: datetime | None = None
    target_id: object = None
    target_edit_url: str = ""
    detail: str = ""
    # For deciding what a user may open or start from the report (report_actions.py).
    model: type | None = None  # the snippet model; None for pages
    source_path: str = ""  # pages: tree paths of the source, the translation and the
    target_path: str = ""  # translation of the source's parent (empty where missing)
    parent_target_path: str = ""
    total_segments: int = 0  # synchronised translations only
    untranslated_segments: int = 0

    @property
    def is_page(self):
        return self.model is None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def language_code(self):
        return self.locale.language_code

    def as_dict(self):
        return {
            "type": str(self.kind),
            "title": self.title,
            "source_id": self.source_id,
            "language": self.locale.language_code,
            "status": self.status,
            "source_changed_at": self.source_changed_at.isoformat() if self.source_changed_at else None,
            "synced_at": self.synced_at.isoformat() if self.synced_at else None,
            "translation_id": self.target_id,
            "detail": str(self.detail),
        }


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales(source, language_code=None):
    locales = Locale.objects.exclude(pk=source.pk).order_by("language_code")
    if language_code:
        locales = locales.filter(language_code=language_code)
    return list(locales)


def segment_counts(sources, locale_id):
    """Rows of {source_id, total, translated}: each source's segments, and how many of them
    have a translation into the locale. One query."""
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    return (
        StringSegment.objects.filter(source__in=sources)
        .values("source_id")
        .annotate(total=Count("id"), translated=Count("id", filter=Q(Exists(done))))
    )


def _localize_records(keys, source, locales):
    """wagtail-localize's sources, translations and untranslated-segment counts for `keys`."""
    sources = TranslationSource.objects.filter(object_id__in=keys, locale=source)
    by_key = {row["object_id"]: row for row in sources.values("id", "object_id", "last_updated_at")}
    enabled = set(
        Translation.objects.filter(source__in=sources, target_locale__in=locales, enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    untranslated = {}
    totals = {}
    for locale in locales:
        for row in segment_counts(sources, locale.pk):
            untranslated[(row["source_id"], locale.pk)] = row["total"] - row["translated"]
            totals[(row["source_id"], locale.pk)] = row["total"]
    return by_key, enabled, (untranslated, totals)


def _decide(source_changed_at, target, localize, untranslated, drafts):
    """(status, synced_at, detail) for an existing, non-alias translation."""
    record, has_translation = localize
    if has_translation:
        synced_at = record["last_updated_at"]
    else:
        synced_at = target.get("last_published_at") or target.get("changed_at")
    if source_changed_at and synced_at and source_changed_at > synced_at:
        return OUT_OF_DATE, synced_at, _("The source changed after the last sync.")
    if drafts and not target["live"]:
        return IN_PROGRESS, synced_at, _("Not published yet.")
    if drafts and target["has_unpublished_changes"]:
        return IN_PROGRESS, synced_at, _("Changes are waiting to be published.")
    published_at = target.get("last_published_at")
    if has_translation and drafts and published_at and record["last_updated_at"] > published_at:
        return IN_PROGRESS, synced_at, _("Synced with the source, not published since.")
    if has_translation and untranslated:
        return IN_PROGRESS, synced_at, _("Some segments are not translated yet.")
    return UP_TO_DATE, synced_at, ""


def _page_statuses(source, locales):
    source_pages = Page.objects.filter(locale=source, depth__gt=1, alias_of__isnull=True)
    keys = source_pages.values("translation_key")
    sources = list(
        source_pages.order_by("path").values(
            "id", "title", "translation_key", "last_published_at", "content_type_id", "path"
        )
    )
    key_at_path = {page["path"]: page["translation_key"] for page in sources}
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale__in=locales).values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
            "alias_of_id",
            "path",
        )
    }
    records, enabled, untranslated = _localize_records(keys, source, locales)
    rows = []
    for page in sources:
        # ContentType's cache answers after the first page of each type.
        page_type = ContentType.objects.get_for_id(page["content_type_id"]).model_class() or Page
        parent_path = page["path"][: -Page.steplen]
        parent_key = key_at_path.get(parent_path)
        for locale in locales:
            parent_target = targets.get((parent_key, locale.pk))
            if parent_target is None and parent_key is None:
                parent_target = {"path": parent_path}  # the root: every language's home goes under it
            rows.append(
                _row(
                    kind=page_type._meta.verbose_name,
                    source_row=page,
                    source_changed_at=page["last_published_at"],
                    source_edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
                    target=targets.get((page["translation_key"], locale.pk)),
                    locale=locale,
                    records=records,
                    enabled=enabled,
                    untranslated=untranslated,
                    drafts=True,
                    edit_url=lambda pk: reverse("wagtailadmin_pages:edit", args=[pk]),
                    paths={
                        "source_path": page["path"],
                        "parent_target_path": parent_target["path"] if parent_target else "",
                    },
                )
            )
    return rows


def _row(
    *,
    kind,
    source_row,
    source_changed_at,
    source_edit_url,
    target,
    locale,
    records,
    enabled,
    untranslated,
    drafts,
    edit_url,
    model=None,
    paths=None,
):
    base = {
        "model": model,
        **(paths or {}),
        "kind": kind,
        "title": source_row["title"],
        "source_id": source_row["id"],
        "source_edit_url": source_edit_url,
        "locale": locale,
        "source_changed_at": source_changed_at,
    }
    if target is None or target.get("alias_of_id"):
        return TranslationStatus(status=MISSING, detail=_("Not translated yet."), **base)
    record = records.get(source_row["translation_key"])
    has_translation = record is not None and (record["id"], locale.pk) in enabled
    untranslated, totals = untranslated
    missing_segments = untranslated.get((record["id"], locale.pk), 0) if has_translation else 0
    total_segments = totals.get((record["id"], locale.pk), 0) if has_translation else 0
    status, synced_at, detail = _decide(
        source_changed_at, target, (record, has_translation), missing_segments, drafts
    )
    return TranslationStatus(
        status=status,
        synced_at=synced_at,
        target_id=target["id"],
        target_edit_url=edit_url(target["id"]),
        target_path=target.get("path", ""),
        detail=detail,
        total_segments=total_segments,
        untranslated_segments=missing_segments,
        **base,
    )


def _latest_log_times(model, object_ids):
    """When each object was last created, edited or published through the admin."""
    content_type = ContentType.objects.get_for_model(model)
    rows = (
        ModelLogEntry.objects.filter(
            content_type=content_type,
            object_id__in=[str(pk) for pk in object_ids],
            action__in=["wagtail.create", "wagtail.edit", "wagtail.publish"],
        )
        .values("object_id")
        .annotate(latest=Max("timestamp"))
    )
    return {row["object_id"]: row["latest"] for row in rows}


def _snippet_statuses(model, source, locales):
    drafts = issubclass(model, DraftStateMixin)
    source_objects = list(model.objects.filter(locale=source))
    keys = model.objects.filter(locale=source).values("translation_key")
    fields = ["pk", "translation_key", "locale_id"]
    if drafts:
        fields += ["live", "has_unpublished_changes", "last_published_at"]
    targets = list(model.objects.filter(translation_key__in=keys, locale__in=locales).values(*fields))
    changed = _latest_log_times(model, [obj.pk for obj in source_objects] + [row["pk"] for row in targets])
    by_key = {}
    for row in targets:
        row["id"] = row["pk"]
        row["changed_at"] = changed.get(str(row["pk"]))
        by_key[(row["translation_key"], row["locale_id"])] = row
    records, enabled, untranslated = _localize_records(keys, source, locales)
    url_name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit"

    def edit_url(pk):
        return reverse(url_name, args=[quote(pk)])

    rows = []
    for obj in source_objects:
        source_row = {"id": obj.pk, "title": str(obj), "translation_key": obj.translation_key}
        # Published, else edited in the admin, else (made by a script or the demo) when
        # wagtail-localize last read it.
        source_changed_at = (
            (obj.last_published_at if drafts else None)
            or changed.get(str(obj.pk))
            or records.get(obj.translation_key, {}).get("last_updated_at")
        )
        for locale in locales:
            rows.append(
                _row(
                    kind=model._meta.verbose_name,
                    source_row=source_row,
                    source_changed_at=source_changed_at,
                    source_edit_url=edit_url(obj.pk),
                    target=by_key.get((obj.translation_key, locale.pk)),
                    locale=locale,
                    records=records,
                    enabled=enabled,
                    untranslated=untranslated,
                    drafts=drafts,
                    edit_url=edit_url,
                    model=model,
                )
            )
    return rows


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def translation_statuses(language_code=None, status=None):
    """Every (source object, other language) pair with its status, newest source change first."""
    source = source_locale()
    locales = target_locales(source, language_code)
    if not locales:
        return []
    rows = _page_statuses(source, locales)
    for model in translatable_snippet_models():
        rows += _snippet_statuses(model, source, locales)
    if status:
        rows = [row for row in rows if row.status == status]
    # Newest change first; rows whose source never changed (never published) last.
    rows.sort(key=lambda row: (row.source_changed_at is not None, row.source_changed_at or 0), reverse=True)
    return rows


def counts_by_language(rows):
    """{language_code: {status: count}} with every status present."""
    counts = {}
    for row in rows:
        per_language = counts.setdefault(row.locale.language_code, dict.fromkeys(STATUSES, 0))
        per_language[row.status] += 1
    return counts


def language_summaries(rows):
    """For templates: [(language_code, [(status, label, count), …]), …]."""
    return [
        (code, [(status, STATUS_LABELS[status], counts[status]) for status in STATUSES])
        for code, counts in sorted(counts_by_language(rows).items())
    ]
