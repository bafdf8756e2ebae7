from wagtail import hooks

from resources import related_publications
from resources.api_representations import PublicationListBlockSchema


@hooks.register("publication_list")
def publication_list(value, locale):
    """The items of a publication list block (website/blocks.py) in `locale`."""
    return related_publications.selected(
        locale,
        chosen=value["publications"],
        resource_type=value["resource_type"],
        topic=value["topic"],
        programme=value["programme"],
        limit=value["limit"],
    )


@hooks.register("publication_cards")
def publication_cards(items):
    return related_publications.cards(items)


@hooks.register("publication_list_api_schema")
def publication_list_api_schema():
    return PublicationListBlockSchema
