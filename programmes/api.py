"""How programmes and institutions appear inside other pages' API representations."""

from website.api_representations import image_representation, images_with_renditions


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
