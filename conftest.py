import pytest
from wagtail.models import Locale, Page

from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory


def translate_page(page, language, **fields):
    """A published translation of `page`, made the way Wagtail's admin makes one."""
    locale = Locale.objects.get(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


@pytest.fixture
def home():
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def site_tree(home):
    """English home, index and one programme, translated into French and Spanish."""
    index = ProgrammeIndexPageFactory(parent=home, show_in_menus=True)
    programme = ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    tree = {"en": {"home": home, "index": index, "programme": programme}}
    names = {
        "fr": ("Accueil", "Plaidoyer international", "Plaidoyer juridique"),
        "es": ("Inicio", "Incidencia internacional", "Incidencia jurídica"),
    }
    for language, (home_title, index_title, programme_title) in names.items():
        tree[language] = {
            "home": translate_page(home, language, title=home_title, slug=f"home-{language}"),
            "index": translate_page(index, language, title=index_title, slug=f"index-{language}"),
            "programme": translate_page(
                programme, language, title=programme_title, slug=f"programme-{language}"
            ),
        }
    return tree


@pytest.fixture
def all_pages():
    return Page.objects.filter(depth__gt=1)


@pytest.fixture(autouse=True)
def clear_caches():
    """Rolled-back rows reuse their ids, so nothing cached may outlive its test
    (an image's renditions, for one, are cached by image id)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def reset_active_language():
    """Each test starts in the source language, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
