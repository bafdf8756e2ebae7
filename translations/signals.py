from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from .roles import grant_new_locale_root


@receiver(post_save)
def give_new_language_home_to_its_translators(sender, instance, created, raw=False, **kwargs):
    """A language's home page is usually created by translating the source one;
    its translators and the review workflow must cover it from that moment."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_new_locale_root(instance)
