"""How programmes and institutions appear inside other pages' API representations.

The schemas type the page properties that return them (upstream/wagtail_api_property_types.py
reads the return annotations), so that OpenAPI clients get typed cards.
"""

from ninja import Field, Schema

from website.api_representations import PageImageSchema, image_representation, images_with_renditions


class InstitutionSchema(Schema):
    id: int
    name: str
    description: str
    locale: str = Field(
        description="The institution's language: another than the page's where it is not translated yet"
    )


class ProgrammeCardSchema(Schema):
    id: int
    title: str
    summary: str
    url: str | None = Field(description="The programme page's path")
    locale: str
    image: PageImageSchema | None = Field(description="The programme's hero image; null if none or private")


def institution_representation(institution):
    return {
        "id": institution.pk,
        "name": institution.name,
        "description": institution.description,
        # Another language than the page's where the institution is not translated yet.
        "locale": institution.locale.language_code,
    }


def programme_cards(programmes):
    """Programme pages as cards: what a list of programmes shows, in each card's own language.

    `programmes` are public already (`ProgrammeIndexPage.listed_programmes`,
    `localize_live_pages`); two queries.
    """
    programmes = list(programmes)
    images = images_with_renditions(programme.hero_image_id for programme in programmes)
    return [
        {
            "id": programme.pk,
            "title": programme.title,
            "summary": programme.summary,
            "url": programme.url,
            "locale": programme.locale.language_code,
            "image": image_representation(
                images[programme.hero_image_id], alt=programme.hero_alt_text or None
            )
            if programme.hero_image_id in images
            else None,
        }
        for programme in programmes
    ]
