# The workarounds for wagtail-localize are tested with the translation roles' users and pages.
from tests.translations.conftest import eu_guidelines, users  # noqa: F401
