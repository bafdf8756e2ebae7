"""A person's photos follow every change of who may be seen in them."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from people.models import Person, PersonPhoto
from people.photos import sync_photo, sync_photos_of


@receiver(post_save, sender=Person)
def sync_photos_of_person(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: sync_photos_of([instance]))


@receiver([post_save, post_delete], sender=PersonPhoto)
def sync_tagged_photo(sender, instance, raw=False, **kwargs):
    if raw:
        return
    image_id = instance.image_id
    transaction.on_commit(lambda: _sync_image(image_id))


def _sync_image(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        sync_photo(image)
