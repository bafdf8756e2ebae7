from contextlib import contextmanager

import pytest
from django.db import transaction
from django.db.models import Model
from wagtail.models import Locale

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


def clear_all_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@contextmanager
def built_once(django_db_blocker):
    """A block for a module's shared test data, rolled back when the module ends.

    Each test still runs in its own savepoint inside it, so what a test writes is
    undone after it; what it changes on the Python objects is not, so tests get
    fresh copies (`reloaded`). Caches go first: they may hold rows an earlier
    module rolled back, whose ids are about to be reused.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        clear_all_caches()
        yield
        transaction.set_rollback(True)


def reloaded(value):
    """`value` (a model instance, or dicts of them) read afresh from the database."""
    if isinstance(value, dict):
        return {key: reloaded(item) for key, item in value.items()}
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    return value


def build_site_tree():
    home = HomePage.objects.get(depth=2, locale__language_code="en")
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


@pytest.fixture(scope="module")
def shared_site_tree(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_site_tree()


@pytest.fixture
def site_tree(db, shared_site_tree):
    """English home, index and one programme, translated into French and Spanish.

    Built once per module (translating nine pages takes about a second) and read
    afresh for each test.
    """
    return reloaded(shared_site_tree)


@pytest.fixture(autouse=True)
def clear_caches():
    """Rolled-back rows reuse their ids, so nothing cached may outlive its test
    (an image's renditions, for one, are cached by image id)."""
    clear_all_caches()


@pytest.fixture(autouse=True)
def reset_active_language():
    """Each test starts in the source language, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
