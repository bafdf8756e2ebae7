"""The files of an image in a private collection live outside MEDIA_ROOT.

`website.visibility.is_image_public` decides; this module keeps the files where
that answer says: an image whose collection (or an ancestor) has a view
restriction has its original under `private/` in the default storage
(website/storage.py: PRIVATE_MEDIA_ROOT, served only by `website.views.private_image_file`),
and its renditions are dropped, to be made again there when next asked for. When
the restriction goes, the files come back under MEDIA_ROOT.

Runs whenever the answer can change: an image saved (uploaded, moved to another
collection), a collection restriction saved or deleted, a collection moved. Code
that changes collections with `QuerySet.update()` (no signals) calls
`sync_image_privacy()` itself.
"""

from itertools import chain

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from website.storage import PRIVATE_PREFIX
from website.visibility import restricted_collection_ids


def restricted_collection(name, group_names):
    """The top-level collection `name`, seen only by `group_names`, made on first use."""
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(depth=root.depth + 1, name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=group_names))
    return collection


def _move(image, *, private):
    storage, old = image.file.storage, image.file.name
    new = PRIVATE_PREFIX + old if private else old.removeprefix(PRIVATE_PREFIX)
    if storage.exists(old):
        with storage.open(old) as content:
            new = storage.save(new, content)
        storage.delete(old)
    # No save(): the image's own signals (and this module's) need not run again.
    type(image).objects.filter(pk=image.pk).update(file=new)
    image.file.name = new
    renditions = list(image.renditions.all())
    for rendition in renditions:
        # Now, not once the transaction commits (Wagtail's own clean-up): they are public files.
        rendition.file.storage.delete(rendition.file.name)
    image.renditions.all().delete()  # Wagtail's signals drop their cache entries
    return new


def sync_image_privacy(images=None):
    """Move the files of `images` (default: all) whose collection's privacy changed; the number moved.

    Four queries when nothing moved, whatever the number of images.
    """
    images = get_image_model().objects.all() if images is None else images
    private = restricted_collection_ids()
    to_hide = images.filter(collection__in=private).exclude(file__startswith=PRIVATE_PREFIX)
    to_show = images.exclude(collection__in=private).filter(file__startswith=PRIVATE_PREFIX)
    moved = 0
    for image in chain(to_hide, to_show):
        _move(image, private=image.collection_id in private)
        moved += 1
    return moved


def _image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    should_be_private = instance.collection_id in restricted_collection_ids()
    if should_be_private != instance.file.name.startswith(PRIVATE_PREFIX):
        _move(instance, private=should_be_private)


def _collections_changed(sender, raw=False, **kwargs):
    if not raw:
        sync_image_privacy()


def follow_collection_privacy():
    """Called once from `WebsiteConfig.ready`, after `visibility.forget_on_writes` (fresh answers)."""
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="website.private_images.image")
    for signal in (post_save, post_delete):
        for model in (CollectionViewRestriction, Collection):
            signal.connect(
                _collections_changed,
                sender=model,
                dispatch_uid=f"website.private_images.{model.__name__}.{signal}",
            )
