import datetime

import pytest
from wagtail.models import Locale

from conftest import built_once, reloaded
from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from resources.factories import (
    DocumentFactory,
    RegionFactory,
    ResourceCountryFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
)
from resources.models import ResourceCountry, ResourceFile
from website.demo import translate

LANGUAGES = ("fr", "es")


def translate_page(page, language, **fields):
    """A published translation of a structural page, made the way Wagtail's admin makes one."""
    locale = Locale.objects.get(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def translate_text(instance, language, **texts):
    """Translate `instance` through wagtail-localize, each field given as `{"en": …, language: …}`."""
    return translate(instance, texts, language)


def translate_publication(page, language, title, summary):
    return translate_text(
        page,
        language,
        title={"en": page.title, language: title},
        slug={"en": page.slug, language: f"{page.slug}-{language}"},
        summary={"en": page.summary, language: summary},
    ).specific_class.objects.get(translation_key=page.translation_key, locale__language_code=language)


def make_publication(library, *, files=("en",), topics=(), regions=(), countries=(), programmes=(), **fields):
    page = ResourcePageFactory(parent=library, **fields)
    page.topics.set(topics)
    page.regions.set(regions)
    page.related_programmes.set(programmes)
    for language in files:
        ResourceFileFactory(
            page=page, language=language, document=DocumentFactory(filename=f"{page.slug}-{language}.pdf")
        )
    for code in countries:
        ResourceCountryFactory(page=page, country=code)
    page.save()  # commits the many-to-many relations modelcluster holds in memory
    page.refresh_from_db()
    return page


def grow_library(library, taxonomy, programme, count):
    """`count` publications with files, countries and taxonomy, made in bulk for speed."""
    kinds = [taxonomy["manual"], taxonomy["report"]]
    topics = [taxonomy["criminalisation"], taxonomy["public-policies"]]
    document = DocumentFactory()
    for number in range(count):
        page = ResourcePageFactory(parent=library, resource_type=kinds[number % 2])
        page.topics.add(topics[number % 2])
        page.regions.add(taxonomy["africa"])
        page.related_programmes.add(programme)
        ResourceFile.objects.bulk_create(
            [ResourceFile(page=page, document=document, language=code) for code in ("en", "fr", "th")]
        )
        ResourceCountry.objects.bulk_create(
            [ResourceCountry(page=page, country=code) for code in ("TH", "KE")]
        )


def build_taxonomy():
    names = {
        "manual": ("type", {"en": "Manual", "fr": "Manuel", "es": "Manual de protección"}),
        "report": ("type", {"en": "Report", "fr": "Rapport", "es": "Informe"}),
        "criminalisation": (
            "topic",
            {"en": "Criminalisation", "fr": "Criminalisation", "es": "Criminalización"},
        ),
        "public-policies": (
            "topic",
            {"en": "Public policies", "fr": "Politiques publiques", "es": "Políticas públicas"},
        ),
        "africa": ("region", {"en": "Africa", "fr": "Afrique", "es": "África"}),
    }
    factories = {"type": ResourceTypeFactory, "topic": TopicFactory, "region": RegionFactory}
    made = {}
    for slug, (kind, name) in names.items():
        snippet = factories[kind](name=name["en"], slug=slug)
        for language in LANGUAGES:
            # A direct copy is enough here; tests/resources/test_models.py goes through wagtail-localize.
            copy = snippet.copy_for_translation(Locale.objects.get(language_code=language))
            copy.name = name[language]
            copy.save()
        made[slug] = snippet
    return made


@pytest.fixture(scope="module")
def shared_taxonomy(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_taxonomy()


@pytest.fixture
def taxonomy(db, shared_taxonomy):
    """A type, two topics and a region, named in English, French and Spanish (built once per module)."""
    return reloaded(shared_taxonomy)


def build_library_tree(taxonomy):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = ProgrammeIndexPageFactory(parent=home)
    programme = ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    library = ResourceIndexPageFactory(parent=home)
    for page in (home, index, programme, library):
        page.save_revision().publish()
    titles = {
        "fr": {
            "home": "Accueil",
            "index": "Plaidoyer",
            "programme": "Plaidoyer juridique",
            "library": "Ressources",
        },
        "es": {
            "home": "Inicio",
            "index": "Incidencia",
            "programme": "Incidencia jurídica",
            "library": "Recursos",
        },
    }
    tree = {"en": {"home": home, "index": index, "programme": programme, "library": library}}
    for language in LANGUAGES:
        tree[language] = {}
        for key, page in tree["en"].items():
            slug = f"{page.slug}-{language}"
            tree[language][key] = translate_page(page, language, title=titles[language][key], slug=slug)
    tree["taxonomy"] = taxonomy
    return tree


@pytest.fixture(scope="module")
def shared_library_tree(shared_taxonomy, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_library_tree(shared_taxonomy)


@pytest.fixture
def library_tree(db, shared_library_tree):
    """English home with a programme and a library, all in French and Spanish too (built once per module)."""
    return reloaded(shared_library_tree)


@pytest.fixture
def english_locale():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def a_date():
    return datetime.date(2011, 12, 15)
