"""An unpublish request is done once the page is live in no language."""

from django.contrib.auth import get_user_model
from django.dispatch import receiver
from wagtail.models import PageLogEntry
from wagtail.signals import page_unpublished

from .models import UnpublishRequest, live_translations


@receiver(page_unpublished)
def resolve_unpublish_requests(sender, instance, **kwargs):
    # Whoever unpublished it (a moderator, or the expiry date through
    # publish_scheduled), the request has nothing left to ask for.
    pending = list(UnpublishRequest.objects.open().for_page(instance))
    if not pending or live_translations(instance):
        return
    entry = (
        PageLogEntry.objects.filter(page=instance, action="wagtail.unpublish").order_by("-timestamp").first()
    )
    user = get_user_model().objects.filter(pk=entry.user_id).first() if entry and entry.user_id else None
    for unpublish_request in pending:
        unpublish_request.resolve(UnpublishRequest.UNPUBLISHED, user)
