"""The text a publication is found by, beyond its title and summary.

A publication's facts (identifiers, authors, type, topics, regions, countries, files) live on the
source-language page (ResourcePage.facts); each translation is indexed with
those facts, its taxonomy labels and country names in its own language, and the text of the
files in its own language only, so a French query never matches English prose.

`publication_texts` reads them for many pages at once in a fixed number of
queries, so neither a rebuild nor a page of search results costs queries per
publication.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Subquery
from django.utils import translation
from django_countries.fields import Country
from wagtail.models import Locale

from website.visibility import restricted_collection_ids

SEPARATORS = re.compile(r"[^\w]+")
CACHE_ATTRIBUTE = "_search_publication_text"


def identifier_variants(value):
    """'A/RES/53/144' also as 'A RES 53 144' and 'ARES53144', the ways people type it."""
    parts = [part for part in SEPARATORS.split(value) if part]
    return [value, " ".join(parts), "".join(parts)]


@dataclass
class PublicationText:
    identifiers: list = field(default_factory=list)
    people: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    documents: list = field(default_factory=list)

    def search_text(self):
        """What is indexed: identifiers in every spelling, names, labels, PDF text."""
        texts = [variant for value in self.identifiers for variant in identifier_variants(value)]
        texts += self.people + self.labels + self.documents
        return "\n".join(text for text in texts if text)

    def passages(self):
        """What a snippet may quote, most telling first: identifiers as written, then the PDFs."""
        facts = " · ".join(text for text in self.identifiers + self.people + self.labels if text)
        return [text for text in [facts, *self.documents] if text]


def publication_texts(pages):
    """{page pk: PublicationText} for the ResourcePages among `pages`; about ten queries."""
    # resources.models imports this module for ResourcePage.search_facts_text: the models are
    # looked up in the app registry, which is complete before any page is indexed.
    models = apps.get_app_config("resources")
    ResourcePage, ResourceFile, ResourceIdentifier, ResourceCountry = (
        models.get_model(name)
        for name in ("ResourcePage", "ResourceFile", "ResourceIdentifier", "ResourceCountry")
    )
    ResourceType, Topic, Region = (models.get_model(name) for name in ("ResourceType", "Topic", "Region"))

    pages = [page for page in pages if isinstance(page, ResourcePage)]
    if not pages:
        return {}
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    default_locale_id = next((pk for pk, code in languages.items() if code == settings.LANGUAGE_CODE), None)

    # The facts of each page: its live source-language page, else its own copy (as ResourcePage.facts).
    facts = {page.pk: page for page in pages if page.locale_id == default_locale_id}
    keys = {page.translation_key for page in pages if page.locale_id != default_locale_id}
    sources = {}
    if keys:
        sources = {
            source.translation_key: source
            for source in ResourcePage.objects.filter(
                translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
            )
            .live()
            .only("pk", "translation_key", "authors", "publisher", "resource_type_id")
        }
    for page in pages:
        facts.setdefault(page.pk, sources.get(page.translation_key, page))
    fact_ids = {fact.pk for fact in facts.values()}

    identifiers = {}
    for page_id, value in (
        ResourceIdentifier.objects.filter(page_id__in=fact_ids)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "value")
    ):
        identifiers.setdefault(page_id, []).append(value)

    type_ids = {fact.pk: [fact.resource_type_id] for fact in facts.values() if fact.resource_type_id}
    topic_ids = _related_ids(ResourcePage.topics.through, "topic_id", fact_ids)
    region_ids = _related_ids(ResourcePage.regions.through, "region_id", fact_ids)
    names = {
        ResourceType: _localized_names(ResourceType, type_ids),
        Topic: _localized_names(Topic, topic_ids),
        Region: _localized_names(Region, region_ids),
    }

    countries = {}
    for page_id, code in (
        ResourceCountry.objects.filter(page_id__in=fact_ids)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "country")
    ):
        countries.setdefault(page_id, []).append(code)

    private = restricted_collection_ids()
    documents = {}
    for page_id, language, text, collection_id in (
        ResourceFile.objects.filter(page_id__in=fact_ids, language__in=set(languages.values()))
        .exclude(document__extracted_text="")
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "language", "document__extracted_text", "document__collection_id")
    ):
        if collection_id not in private:
            documents.setdefault((page_id, language), []).append(text)

    texts = {}
    for page in pages:
        fact = facts[page.pk]
        labels = []
        for model, related in ((ResourceType, type_ids), (Topic, topic_ids), (Region, region_ids)):
            by_id, translated = names[model]
            for related_id in related.get(fact.pk, []):
                key, name = by_id[related_id]
                labels.append(translated.get((key, page.locale_id), name))
        labels += country_names(countries.get(fact.pk, []), languages.get(page.locale_id))
        texts[page.pk] = PublicationText(
            identifiers=identifiers.get(fact.pk, []),
            # A translation's own publisher (a translated institution name) where it has one.
            people=[
                text for text in (fact.authors, getattr(page, "publisher", "") or fact.publisher) if text
            ],
            labels=labels,
            documents=documents.get((fact.pk, languages.get(page.locale_id)), []),
        )
    return texts


def country_names(codes, language):
    """The countries' names in `language` (django-countries' catalogues), to find them by name."""
    if not codes:
        return []
    with translation.override(language):
        return [str(Country(code=code).name) for code in codes]


def _related_ids(through, column, page_ids):
    related = {}
    for page_id, related_id in (
        through.objects.filter(resourcepage_id__in=page_ids)
        .order_by("pk")
        .values_list("resourcepage_id", column)
    ):
        related.setdefault(page_id, []).append(related_id)
    return related


def _localized_names(model, related_ids):
    """({id: (translation key, name)}, {(translation key, locale id): name}) in one query."""
    ids = {related_id for values in related_ids.values() for related_id in values}
    if not ids:
        return {}, {}
    rows = model.objects.filter(
        translation_key__in=Subquery(model.objects.filter(pk__in=ids).values("translation_key"))
    ).values_list("pk", "translation_key", "locale_id", "name")
    by_id, translated = {}, {}
    for pk, key, locale_id, name in rows:
        translated[(key, locale_id)] = name
        if pk in ids:
            by_id[pk] = (key, name)
    return by_id, translated


@contextmanager
def publication_texts_attached(pages):
    """While indexing a batch: each page's texts computed once, for the batch, in a few queries.

    modelsearch reads `search_facts_text` several times per page (for the vector
    and the plain text); the texts are dropped afterwards so that a later save of
    the same page object reads its facts afresh.
    """
    texts = publication_texts(pages)
    for page in pages:
        if page.pk in texts:
            setattr(page, CACHE_ATTRIBUTE, texts[page.pk])
    try:
        yield
    finally:
        for page in pages:
            page.__dict__.pop(CACHE_ATTRIBUTE, None)


def publication_text(page):
    cached = getattr(page, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    return publication_texts([page]).get(page.pk, PublicationText())


def publication_search_text(page):
    """ResourcePage.search_facts_text: what the page is found by besides its own fields."""
    return publication_text(page).search_text()
