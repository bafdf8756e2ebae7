from django.conf import settings
from wagtail.models import Locale


def create_content_locales(**kwargs):
    """Keep a Wagtail Locale for every language in settings.WAGTAIL_CONTENT_LANGUAGES.

    Runs after every `migrate`, so adding a language to settings is all it takes.
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
