from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .text_search_configs import create_text_search_configs


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals  # noqa: F401

        # After every `migrate`, so that a content language added later gets its configuration.
        post_migrate.connect(create_text_search_configs, sender=self)
