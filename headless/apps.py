import sys

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class HeadlessConfig(AppConfig):
    """What a decoupled front end needs on top of Wagtail's API v3 (README "API")."""

    name = "headless"
    verbose_name = _("Headless API")

    def ready(self):
        # v3 builds every page schema the first time its registry is imported
        # (wagtail/api/v3/registry.py), so the field representations must be
        # in place before that: it happens when the URLconf is first loaded.
        if "wagtail.api.v3.registry" in sys.modules:
            raise ImproperlyConfigured("headless must be ready before the API v3 registry is imported.")
        from headless import api_tokens, bad_input, representations

        representations.register()
        bad_input.bound_offsets()
        api_tokens.key_tokens_with_their_own_secret()
