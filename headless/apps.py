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
        from headless import representations
        from search.query import MAX_QUERY_LENGTH, MAX_TERMS
        from upstream import wagtail_api_bad_input

        representations.register()
        # v3's `search` keeps to the limits of the site's own search.
        wagtail_api_bad_input.use_search_limits(max_characters=MAX_QUERY_LENGTH, max_terms=MAX_TERMS)
