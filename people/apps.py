from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from people import signals  # noqa: F401
        from people.display import name_people_as_shown
        from website import image_words

        image_words.register(name_people_as_shown)
