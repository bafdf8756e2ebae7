"""Publications: one record of facts in every language, files with language, format and size."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_localize.models import TranslationSource

from resources.factories import DocumentFactory, ResourceFileFactory, ResourceIdentifierFactory
from resources.models import ResourceIndexPage, ResourcePage
from tests.resources.conftest import make_publication, translate_publication, translate_text
from website.demo import save_translation

pytestmark = pytest.mark.django_db


def test_parent_child_rules(library_tree):
    home, library = library_tree["en"]["home"], library_tree["en"]["library"]
    assert ResourcePage.can_create_at(library)
    assert not ResourcePage.can_create_at(home)
    assert not ResourceIndexPage.can_create_at(home)  # one library per home
    assert ResourcePage.allowed_subpage_models() == []


def test_validation_asks_for_cover_alt_text_and_sane_dates(library_tree):
    from wagtail_factories import ImageFactory

    page = ResourcePage(
        title="x",
        summary="y",
        publication_date=datetime.date(2020, 1, 1),
        resource_type=library_tree["taxonomy"]["manual"],
        cover_image=ImageFactory(),
        adopted_date=datetime.date(2020, 1, 1),
        in_force_date=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "cover_alt_text" in error.value.message_dict


def test_files_show_language_format_and_size_read_from_the_file(client, library_tree):
    library = library_tree["en"]["library"]
    page = make_publication(
        library, title="Manual", resource_type=library_tree["taxonomy"]["manual"], files=()
    )
    ResourceFileFactory(
        page=page, language="en", document=DocumentFactory(size=1_200_000, filename="manual.pdf")
    )
    ResourceFileFactory(
        page=page, language="fr", label="Chapitre 1", document=DocumentFactory(filename="ch1.docx")
    )
    ResourceFileFactory(page=page, language="es", document=DocumentFactory(filename="manual-es.epub"))
    french = translate_publication(page, "fr", "Manuel", "Un manuel.")
    html = client.get(french.url).content.decode()
    assert "Disponible en : " in html  # the visitor's language
    assert (
        '<span lang="en">English</span>, <span lang="fr">français</span>, <span lang="es">español</span>'
        in html
    )
    assert re.search(r"PDF, 1,1\s?Mi?o", html)  # sizes in the visitor's number format
    assert "DOCX, 1009" in html and "EPUB" in html
    assert ">Chapitre 1</a>" in html


def test_a_publication_only_in_thai_says_so_and_links_no_missing_file(client, library_tree):
    library = library_tree["en"]["library"]
    page = make_publication(
        library, title="Community manual", resource_type=library_tree["taxonomy"]["manual"], files=("th",)
    )
    html = client.get(page.url).content.decode()
    assert "Only in Thai" in html
    assert html.count("/documents/") == 1
    lost = DocumentFactory(filename="lost.pdf")
    lost.file.storage.delete(lost.file.name)
    ResourceFileFactory(page=page, language="en", document=lost)
    hidden = Collection.get_first_root_node().add_child(name="Drafts")
    CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")
    ResourceFileFactory(page=page, language="fr", document=DocumentFactory(collection=hidden))
    html = client.get(page.url).content.decode()
    assert html.count("/documents/") == 1 and "lost.pdf" not in html and "Only in Thai" in html
    # The library's card and the API say so too, and link no missing or private file.
    card = client.get(library.url).content.decode()
    assert "Community manual" in card and "Only in Thai" in card and "Available in:" not in card
    files = client.get("/api/v3/library/").json()["items"][0]["files"]
    assert [file["language"] for file in files] == ["th"] and "lost.pdf" not in str(files)


def test_dates_show_with_the_precision_that_is_known(client, library_tree):
    library = library_tree["en"]["library"]
    kind = library_tree["taxonomy"]["report"]
    year_only = make_publication(
        library,
        title="Focus 2014",
        resource_type=kind,
        publication_date=datetime.date(2014, 1, 1),
        publication_date_precision="year",
    )
    html = client.get(year_only.url).content.decode()
    assert "<dd>2014" in html and "1 January 2014" not in html
    # Adoption and entry into force are optional: no empty heading when unknown.
    assert "<dt>Adopted</dt>" not in html and "<dt>In force since</dt>" not in html
    day = make_publication(
        library,
        title="Declaration",
        resource_type=kind,
        publication_date=datetime.date(1998, 12, 9),
        adopted_date=datetime.date(1998, 12, 9),
    )
    html = client.get(day.url).content.decode()
    assert "<dt>Adopted</dt><dd>" in html and "9 December 1998" in html
    assert "<dt>In force since</dt>" not in html
    law = make_publication(
        library,
        title="Protection law",
        resource_type=kind,
        publication_date=datetime.date(2017, 5, 1),
        adopted_date=datetime.date(2017, 4, 20),
        in_force_date=datetime.date(2018, 1, 1),
    )
    html = client.get(law.url).content.decode()
    assert "20 April 2017" in html and "<dt>In force since</dt><dd>" in html and "1 January 2018" in html


def taxonomy_labels_through_wagtail_localize(taxonomy):
    french = {
        "manual": "Manuel",
        "report": "Rapport",
        "criminalisation": "Criminalisation",
        "public-policies": "Politiques publiques",
        "africa": "Afrique",
    }
    spanish = {
        "manual": "Manual de protección",
        "report": "Informe",
        "criminalisation": "Criminalización",
        "public-policies": "Políticas públicas",
        "africa": "África",
    }
    return french, spanish


def test_taxonomy_and_facts_stay_one_record_after_translation_and_after_a_source_update(client, library_tree):
    en, t = library_tree["en"], library_tree["taxonomy"]
    page = make_publication(
        en["library"],
        title="Protection manual",
        resource_type=t["manual"],
        files=("en", "fr"),
        topics=[t["criminalisation"]],
        regions=[t["africa"]],
        countries=["TH"],
        programmes=[en["programme"]],
    )
    ResourceIdentifierFactory(page=page, scheme="isbn", value="978-2-930539-00-3")
    page.save_revision().publish()
    translations = {
        "fr": translate_publication(page, "fr", "Manuel de protection", "Résumé."),
        "es": translate_publication(page, "es", "Manual de protección", "Resumen."),
    }
    expected = {
        "fr": [
            "Manuel",
            "Criminalisation",
            "Afrique",
            "Thaïlande",
            "Plaidoyer juridique",
            "978-2-930539-00-3",
        ],
        "es": [
            "Manual de protección",
            "Criminalización",
            "África",
            "Tailandia",
            "Incidencia jurídica",
            "978-2-930539-00-3",
        ],
    }
    for language, translated in translations.items():
        html = client.get(translated.url).content.decode()
        for text in expected[language]:
            assert text in html, (language, text)
        # Taxonomy links go to this language's library, keyed on slugs shared by every language.
        library_url = library_tree[language]["library"].url
        assert f'href="{library_url}?topic=criminalisation"' in html
        assert f'href="{library_url}?country=TH"' in html
        assert translated.files.count() == 2 and translated.topics.get() == t["criminalisation"]

    # The source changes: another topic, another file, a new identifier; then translations re-sync.
    source = ResourcePage.objects.get(pk=page.pk)
    source.topics = [t["public-policies"]]
    source.save_revision().publish()
    ResourceFileFactory(page=source, language="es", document=DocumentFactory(filename="es.pdf"))
    ResourceIdentifierFactory(page=source, scheme="other", value="PI/2009/3")
    source = ResourcePage.objects.get(pk=page.pk)
    # Before the re-sync, the translations already show the source's facts.
    french_html = client.get(translations["fr"].url).content.decode()
    assert "Politiques publiques" in french_html and "PI/2009/3" in french_html and "es.pdf" in french_html
    source.save_revision().publish()
    translation_source = TranslationSource.objects.get_for_instance_or_none(source)
    translation_source.update_from_db()
    for translation in translation_source.translations.all():
        save_translation(translation)
    for language in ("fr", "es"):
        translated = ResourcePage.objects.get(
            translation_key=page.translation_key, locale__language_code=language
        )
        assert translated.live
        assert list(translated.topics.all()) == [t["public-policies"]]
        assert sorted(f.document_id for f in translated.files.all()) == sorted(
            f.document_id for f in source.files.all()
        )
        assert {i.value for i in translated.identifiers.all()} == {"978-2-930539-00-3", "PI/2009/3"}
        html = client.get(translated.url).content.decode()
        label = {"fr": "Politiques publiques", "es": "Políticas públicas"}[language]
        assert (
            label in html
            and {"fr": "Criminalisation", "es": "Criminalización"}[language] + "</a>" not in html
        )
        assert translated.title == {"fr": "Manuel de protection", "es": "Manual de protección"}[language]


def test_snippet_translations_made_with_wagtail_localize_keep_their_slug(library_tree):
    topic = library_tree["taxonomy"]["africa"]
    from resources.factories import TopicFactory

    fresh = TopicFactory(name="Positive narratives", slug="positive-narratives")
    french = translate_text(fresh, "fr", name={"en": "Positive narratives", "fr": "Récits positifs"})
    assert french.slug == "positive-narratives" and french.name == "Récits positifs"
    assert topic.slug == "africa"


def test_programme_and_publication_link_each_other_in_every_language(client, library_tree):
    en, t = library_tree["en"], library_tree["taxonomy"]
    page = make_publication(
        en["library"], title="Criminalisation report", resource_type=t["report"], programmes=[en["programme"]]
    )
    french_page = translate_publication(page, "fr", "Rapport sur la criminalisation", "Résumé.")
    make_publication(
        en["library"], title="English-only brief", resource_type=t["report"], programmes=[en["programme"]]
    )
    draft = make_publication(
        en["library"], title="Draft report", resource_type=t["report"], programmes=[en["programme"]]
    )
    draft.unpublish()
    private = make_publication(
        en["library"], title="Private report", resource_type=t["report"], programmes=[en["programme"]]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    programme_html = client.get(library_tree["fr"]["programme"].url).content.decode()
    assert "Rapport sur la criminalisation" in programme_html
    assert "English-only brief" in programme_html and 'class="badge" lang="en"' in programme_html
    assert "Draft report" not in programme_html and "Private report" not in programme_html
    publication_html = client.get(french_page.url).content.decode()
    assert (
        "Plaidoyer juridique" in publication_html and library_tree["fr"]["programme"].url in publication_html
    )


def test_a_programme_with_many_publications_links_to_the_filtered_library(client, library_tree):
    en, t = library_tree["en"], library_tree["taxonomy"]
    for number in range(8):
        make_publication(
            en["library"], title=f"Report {number}", resource_type=t["report"], programmes=[en["programme"]]
        )
    html = client.get(library_tree["es"]["programme"].url).content.decode()
    assert html.count('class="card"') >= 6
    assert f'href="{library_tree["es"]["library"].url}?programme=legal-advocacy"' in html
    library_html = client.get(
        library_tree["es"]["library"].url + "?programme=legal-advocacy"
    ).content.decode()
    assert "8 publicaciones" in library_html
