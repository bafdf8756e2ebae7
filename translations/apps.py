from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import image_alt_text, localize_gaps, signals  # noqa: F401

        localize_gaps.apply()
        image_alt_text.apply()
