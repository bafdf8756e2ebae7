"""Photos follow the people in them: withheld while anyone in them may not be shown.

A photo in which a person appears who is anonymous, not to be shown, without
consent for this website or taken down is moved to the restricted collection
"Withheld: people"; the one visibility policy (`website.visibility`) hides
restricted collections from visitors, so no new rule is needed on any surface.
When everyone in it may be seen again (a new consent, a changed level, a
restore) it goes back to the collection it came from.
"""

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from people.display import is_photo_shown
from people.models import WithheldPhoto
from translations.roles import EDITORS, MODERATORS
from website.private_images import restricted_collection

WITHHELD_COLLECTION = "Withheld: people"


def withheld_collection():
    return restricted_collection(WITHHELD_COLLECTION, [EDITORS, MODERATORS])


@transaction.atomic
def sync_photo(image, today=None):
    """Withhold `image` or give it back, as the people tagged in it allow; True if it moved."""
    withheld = WithheldPhoto.objects.filter(image=image).first()
    if not is_photo_shown(image, today):
        if withheld is not None:
            return False
        collection = withheld_collection()
        WithheldPhoto.objects.create(image=image, original_collection_id=image.collection_id)
        image.collection = collection
        image.save(update_fields=["collection"])
        return True
    if withheld is None:
        return False
    image.collection = withheld.original_collection or Collection.get_first_root_node()
    image.save(update_fields=["collection"])
    withheld.delete()
    return True


def sync_photos_of(people, today=None):
    """Every photo of these people; returns how many moved."""
    images = get_image_model().objects.filter(people_tags__person__in=people).distinct()
    return sum(sync_photo(image, today) for image in images)
