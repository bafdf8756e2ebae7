from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from upstream import localize_translation_views

        from . import signals  # noqa: F401
        from .permissions import user_can_change_in_locale, user_can_publish

        localize_translation_views.use_permissions(
            can_change_in_locale=user_can_change_in_locale, can_publish=user_can_publish
        )
