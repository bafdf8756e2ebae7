"""How publications appear in API v3: files, classification and identifiers in the page's language."""

from django.utils import translation

from programmes.api import programme_cards
from resources import library
from website.absolute_urls import absolute


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
