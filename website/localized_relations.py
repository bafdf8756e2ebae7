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
from django.db.models import Q
from wagtail.models import DraftStateMixin, Locale

from website.visibility import public_pages


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
    objects = list(objects)
    if not objects:
        return []
    locale = locale or Locale.get_active()
    model = type(objects[0])
    candidates = model.objects.filter(
        translation_key__in=[obj.translation_key for obj in objects], locale=locale
    )
    if issubclass(model, DraftStateMixin):
        objects = [obj for obj in objects if obj.live]
        candidates = candidates.filter(live=True)
    translated = {obj.translation_key: obj for obj in candidates.select_related("locale")}
    return [translated.get(obj.translation_key, obj) for obj in objects]


def localize_live_pages(pages, locale):
    """Each page's live, public translation in `locale`, else the page itself.

    Pages that are neither live nor public in any form (nor below an unpublished
    page) are dropped, so a list never leads to a draft or a private page. An
    item kept in another language keeps its own `locale`, which templates show
    as a language badge.
    Two queries, whatever the number of pages.
    """
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
