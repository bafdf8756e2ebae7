"""How programmes and institutions appear inside other pages' API representations."""

from wagtail.models import Page

from headless.representations import image_representation, images_with_renditions
from headless.visibility import public_pages


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

    Pages below an unpublished or private ancestor are left out; three queries.
    """
    programmes = list(programmes)
    visible = set(
        public_pages(Page.objects.filter(pk__in=[programme.pk for programme in programmes])).values_list(
            "pk", flat=True
        )
    )
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
        if programme.pk in visible
    ]
