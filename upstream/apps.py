from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from upstream import apply


class UpstreamConfig(AppConfig):
    """Applies every workaround once the models are loaded (upstream/__init__.py lists them)."""

    name = "upstream"
    verbose_name = _("Upstream workarounds")

    def ready(self):
        apply()
