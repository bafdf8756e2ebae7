"""Publications shown inside other pages: a news item's related publications and the
publication list block (website/blocks.py asks through the `publication_list` hooks that
resources/wagtail_hooks.py registers, as the core may not import this app).

Whatever was chosen (a publication in any language), the list shows the live, public
publications in the page's language where translated, else in the source language with
a badge, newest first, with their files and type: the library's own items
(resources/library.py), so a card looks the same everywhere.
"""

from django.conf import settings

from resources import library, models
from resources.api_representations import PublicationSchema, publication_card

MAX_ITEMS = 12


def _newest_first(sources, limit):
    return list(sources.order_by("-publication_date", "-pk")[:limit])


def describe(chosen, locale, limit=MAX_ITEMS):
    """The chosen publications (a queryset of ResourcePage, any language) as library items in
    `locale`, newest first. Six queries at most, whatever the number of publications."""
    keys = chosen.values("translation_key")
    sources = library.source_publications(None).filter(translation_key__in=keys)
    return library.describe_publications(_newest_first(sources, limit), locale)


def selected(locale, *, chosen=None, resource_type=None, topic=None, programme=None, limit=6):
    """The publication list block's items: the chosen ones in their order, or the newest of a type,
    topic and/or programme (any of them in any language)."""
    limit = max(1, min(limit or 6, MAX_ITEMS))
    sources = library.source_publications(None)
    keys = [page.translation_key for page in chosen or () if page is not None][:limit]
    if keys:
        by_key = {page.translation_key: page for page in sources.filter(translation_key__in=keys)}
        ordered = [by_key[key] for key in keys if key in by_key]
        return library.describe_publications(ordered, locale)
    if resource_type is not None:
        sources = sources.filter(
            resource_type__translation_key=resource_type.translation_key,
            resource_type__locale__language_code=settings.LANGUAGE_CODE,
        )
    if topic is not None:
        sources = sources.filter(
            topics__translation_key=topic.translation_key,
            topics__locale__language_code=settings.LANGUAGE_CODE,
        )
    if programme is not None:
        through = models.ResourcePage.related_programmes.through
        linked = through.objects.filter(programmepage__translation_key=programme.translation_key)
        sources = sources.filter(pk__in=linked.values("resourcepage_id"))
    return library.describe_publications(_newest_first(sources.distinct(), limit), locale)


def cards(items) -> list[PublicationSchema]:
    """Library items as other pages' API representations show them."""
    return [publication_card(item) for item in items]
