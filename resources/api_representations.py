"""How publications appear in API v3: files, classification and identifiers in the page's language."""

from django.utils import translation
from ninja import Field, Schema

from programmes.api import ProgrammeCardSchema, programme_cards
from resources import library
from website.absolute_urls import absolute


class TermSchema(Schema):
    """A taxonomy term: the slug that filters by it (library/, search/) and its label in the page's language."""

    slug: str
    label: str


class CountrySchema(Schema):
    code: str = Field(description="ISO 3166 code")
    name: str


class IdentifierSchema(Schema):
    scheme: str
    value: str
    language: str


class PublicationDetailsSchema(Schema):
    type: TermSchema
    topics: list[TermSchema]
    regions: list[TermSchema]
    countries: list[CountrySchema]
    identifiers: list[IdentifierSchema]
    programmes: list[ProgrammeCardSchema]
    files: list[library.PublicationFile]


class PublicationSchema(Schema):
    id: int
    title: str
    summary: str
    url: str | None
    locale: str
    type: str
    year: int
    publication_date: str
    publication_date_precision: str
    files: list[library.PublicationFile]  # the library's own record of a file, as the API gives it


class PublicationListBlockSchema(Schema):
    """A publication list block's value (website/blocks.py `PublicationListBlock`)."""

    heading: str | None
    publications: list[PublicationSchema]


def publication_card(item, request=None):
    """A library item (`library.PublicationItem`) as `PublicationSchema`: in library/, in other
    pages' related publications and in publication list blocks."""
    return {
        "id": item.page.pk,
        "title": item.page.title,
        "summary": item.page.summary,
        "url": item.page.get_url(request),
        "locale": item.page.locale.language_code,
        "type": item.type_label,
        "year": item.year,
        "publication_date": item.source.publication_date.isoformat(),
        "publication_date_precision": item.source.publication_date_precision,
        "files": [file_representation(file) for file in item.files],
    }


def file_representation(file):
    """A `PublicationFile` for the API: its URL absolute, as every file URL there is.

    A front end on another origin would resolve `/documents/…` against itself.
    """
    return {**vars(file), "url": absolute(file.url)}


def publication_representation(page):
    """Facts of a publication (read from its source page) with labels in `page`'s language."""
    with translation.override(page.locale.language_code):
        details = library.publication_details(page)
        item = details["publication"]
        return {
            "type": {"slug": details["resource_type_slug"], "label": item.type_label},
            "topics": [{"slug": topic.slug, "label": topic.name} for topic in details["topics"]],
            "regions": [{"slug": region.slug, "label": region.name} for region in details["regions"]],
            "countries": [{"code": code, "name": str(name)} for code, name in details["countries"]],
            "identifiers": details["identifiers"],
            "programmes": programme_cards(details["programmes"]),
            "files": [file_representation(file) for file in item.files],
        }
