"""Workaround: wagtail-localize copies many-to-many values without translating them.

wagtail-localize's `copy_synchronised_fields` copies a ParentalManyToManyField
from the source page as it is ("Ignore many to many fields (not supported yet)",
wagtail_localize/fields.py), so a French page keeps pointing at the English
snippets. Relations are therefore stored against the source-language snippets,
and shown through `localize_all`, which swaps each for its translation in the
active language in one query. Delete this module when wagtail-localize
translates many-to-many relations itself.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, QuerySet, Value, When
from wagtail.models import DraftStateMixin, Locale

from website.visibility import is_page_public, public_pages


def source_locale_choices():
    """Limit choosers to the source language, where relations are stored."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def localize_all(objects, locale=None):
    """Return each translatable object in `locale` (default: the active one).

    Keeps the given order; an object with no translation stays as it is (pass
    objects with their `locale` selected, for templates to badge them). Snippets
    with drafts count only where live: a draft is dropped, a draft translation
    leaves the object as it is.
    """
    locale = locale or Locale.get_active()
    if _unread_in_default_order(objects):
        return _localize_in_one_query(objects, locale)
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    candidates = model.objects.filter(
        translation_key__in=[obj.translation_key for obj in objects], locale=locale
    )
    if issubclass(model, DraftStateMixin):
        objects = [obj for obj in objects if obj.live]
        candidates = candidates.filter(live=True)
    translated = {obj.translation_key: obj for obj in candidates.select_related("locale")}
    return [translated.get(obj.translation_key, obj) for obj in objects]


def _unread_in_default_order(objects):
    return (
        isinstance(objects, QuerySet)
        and objects._result_cache is None
        and not objects.query.order_by
        and objects.query.default_ordering
        and bool(objects.model._meta.ordering)
    )


def _localize_in_one_query(objects, locale):
    """`localize_all` for a queryset not read yet, in the model's own order: the objects and
    their translations in one query (the list, then the translations, cost two)."""
    model = objects.model
    listed = objects.values("pk")
    rows = model.objects.filter(
        Q(pk__in=listed) | Q(locale=locale, translation_key__in=objects.values("translation_key"))
    ).annotate(is_listed=Case(When(pk__in=listed, then=Value(True)), default=Value(False)))
    drafts = issubclass(model, DraftStateMixin)
    if drafts:
        rows = rows.filter(live=True)
    rows = list(rows.select_related("locale"))
    translated = {row.translation_key: row for row in rows if row.locale_id == locale.pk}
    return [translated.get(row.translation_key, row) for row in rows if row.is_listed]


def localize_live_pages(pages, locale):
    """Each page's live, public translation in `locale`, else the page itself.

    Pages that are neither live nor public in any form (nor below an unpublished
    page) are dropped, so a list never leads to a draft or a private page. An
    item kept in another language keeps its own `locale`, which templates show
    as a language badge.
    Two queries, whatever the number of pages; one for a queryset not read yet.
    """
    if _unread_and_whole(pages):
        return _localize_pages_in_one_query(pages, locale)
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    keys = [page.translation_key for page in pages]
    candidates = public_pages(
        model.objects.filter(translation_key__in=keys).filter(
            models.Q(locale=locale) | models.Q(pk__in=[page.pk for page in pages])
        )
    ).select_related("locale")
    by_key = {}
    for candidate in candidates:
        current = by_key.get(candidate.translation_key)
        if current is None or candidate.locale_id == locale.pk:
            by_key[candidate.translation_key] = candidate
    return [by_key[key] for key in keys if key in by_key]


def _unread_and_whole(pages):
    """A queryset not read yet nor sliced, ordered by its model's own fields (or by default)."""
    if not isinstance(pages, QuerySet) or pages._result_cache is not None or pages.query.is_sliced:
        return False
    names = {field.name for field in pages.model._meta.get_fields()} | {"pk"}
    return all(isinstance(item, str) and item.lstrip("-") in names for item in pages.query.order_by)


def _localize_pages_in_one_query(pages, locale):
    """`localize_live_pages` for a queryset: the pages and their translations in `locale` read
    together, in the queryset's order; which of them are public is known from the request's
    hidden sections (website/visibility.py)."""
    model = pages.model
    listed = pages.values("pk")
    rows = (
        model.objects.filter(
            Q(pk__in=listed) | Q(locale=locale, translation_key__in=pages.values("translation_key"))
        )
        .annotate(is_listed=Case(When(pk__in=listed, then=Value(True)), default=Value(False)))
        .select_related("locale")
    )
    if pages.query.order_by:
        rows = rows.order_by(*pages.query.order_by)
    rows = list(rows)
    translated = {
        row.translation_key: row for row in rows if row.locale_id == locale.pk and is_page_public(row)
    }
    shown = []
    for row in rows:
        if row.is_listed:
            page = translated.get(row.translation_key) or (row if is_page_public(row) else None)
            if page is not None:
                shown.append(page)
    return shown


def pages_in_language(queryset, locale):
    """The public pages of `queryset` in `locale`, plus the source language's ones that have no
    public translation there (templates badge them with their language), as one queryset.

    For lists of dated items (news, events) that must page and sort in the database: unlike
    `localize_live_pages`, no page is swapped for its translation in Python.
    """
    own = public_pages(queryset.filter(locale=locale))
    if locale.language_code == settings.LANGUAGE_CODE:
        return own.select_related("locale")
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
        translation_key__in=own.values("translation_key")
    )
    return public_pages(queryset.filter(Q(locale=locale) | untranslated)).select_related("locale")
