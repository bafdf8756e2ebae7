"""What a visitor finds follows changes that do not save the found page itself."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.search.backends import get_search_backend

from conftest import translate_page
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from resources.factories import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from resources.models import ResourceIdentifier, ResourcePage
from search.query import run_search
from search.tasks import reindex_pages_by_id
from website import content_version
from website.models import CustomDocument

pytestmark = pytest.mark.django_db

PHRASE = "Chapter three explains how a protection desk answers an urgent alert"


def found(language, query, model=ResourcePage):
    locale = Locale.objects.get(language_code=language)
    backend = get_search_backend(language)
    return {page.pk for page in backend.search(query, model.objects.filter(locale=locale))}


def searched(language, query):
    """What the search page and the API return (index and visibility filters together)."""
    return {hit.page.pk for hit in run_search({"q": query}, language, record=False).hits}


def indexed_ids():
    from wagtail.search.models import IndexEntry

    return set(IndexEntry.objects.values_list("object_id", flat=True))


@pytest.fixture
def publication(home, django_capture_on_commit_callbacks):
    """A publication whose English PDF (in the public root collection) holds PHRASE."""
    library = ResourceIndexPageFactory(parent=home)
    page = ResourcePageFactory(parent=library, title="Protection manual")
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title="Manual")
    # As the extraction task leaves it (the factory's file is not a real PDF).
    CustomDocument.objects.filter(pk=document.pk).update(extracted_text=PHRASE)
    ResourceFileFactory(page=page, document=document, language="en")
    page.save_revision().publish()
    document.refresh_from_db()
    return page, document


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def test_moving_a_document_into_a_private_collection_takes_its_text_out(
    publication, private_collection, django_capture_on_commit_callbacks
):
    page, document = publication
    assert found("en", "urgent alert") == {page.pk}
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = private_collection
        document.save()
    assert found("en", "urgent alert") == set()
    assert searched("en", "urgent alert") == set()
    # The publication itself stays public and findable by its title.
    assert found("en", "protection manual") == {page.pk}


def test_moving_a_private_document_to_a_public_collection_makes_its_text_searchable(
    publication, private_collection, django_capture_on_commit_callbacks
):
    page, document = publication
    # Private from the start: moved by a queryset update, then the page reindexed.
    CustomDocument.objects.filter(pk=document.pk).update(collection=private_collection)
    page.save_revision().publish()
    assert found("en", "urgent alert") == set()
    document.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = Collection.get_first_root_node()
        document.save()
    assert found("en", "urgent alert") == {page.pk}


def test_restricting_the_collection_of_a_document_takes_its_text_out(
    publication, django_capture_on_commit_callbacks
):
    page, document = publication
    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=document.collection, restriction_type="login"
        )
    assert found("en", "urgent alert") == set()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found("en", "urgent alert") == {page.pk}


def test_deleting_a_document_takes_its_text_out(publication, django_capture_on_commit_callbacks):
    page, document = publication
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert found("en", "urgent alert") == set()
    assert found("en", "protection manual") == {page.pk}


@pytest.fixture
def hidden_section(home):
    """A live page under a section that was never published."""
    section = ProgrammeIndexPageFactory(parent=home, title="Hidden section", slug="hidden-section")
    child = ProgrammePageFactory(parent=section, title="CHILD-OF-HIDDEN shelter", slug="child-of-hidden")
    return section, child


def test_a_live_page_under_an_unpublished_section_is_neither_indexed_nor_returned(
    client, hidden_section, django_capture_on_commit_callbacks
):
    section, child = hidden_section
    with django_capture_on_commit_callbacks(execute=True):
        section.unpublish()
    child.refresh_from_db()
    assert child.live
    assert str(child.pk) not in indexed_ids()
    assert searched("en", "shelter") == set()
    assert "CHILD-OF-HIDDEN" not in client.get("/en/search/", {"q": "shelter"}).content.decode()
    api = client.get("/api/v3/search/", {"q": "shelter", "locale": "en"}).json()
    assert api["results"] == [] and api["pagination"]["count"] == 0
    assert client.get("/en/search/suggest/", {"q": "CHILD-OF"}).json()["suggestions"] == []


def test_publishing_the_section_again_brings_its_pages_back(
    hidden_section, django_capture_on_commit_callbacks
):
    section, child = hidden_section
    with django_capture_on_commit_callbacks(execute=True):
        section.unpublish()
    assert searched("en", "shelter") == set()
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
    assert str(child.pk) in indexed_ids()
    assert searched("en", "shelter") == {child.pk}


def test_a_page_below_a_section_unpublished_without_signals_is_still_not_returned(hidden_section):
    # A queryset update sends no signal and leaves the index as it was: the search filters too.
    section, child = hidden_section
    type(section).objects.filter(pk=section.pk).update(live=False)
    assert str(child.pk) in indexed_ids()
    assert searched("en", "shelter") == set()


def test_restricting_a_section_drops_its_pages_from_results(
    hidden_section, django_capture_on_commit_callbacks
):
    section, child = hidden_section
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert searched("en", "shelter") == set()
    assert str(child.pk) not in indexed_ids()


def test_a_fact_added_to_the_source_page_reaches_its_translations(home):
    library = ResourceIndexPageFactory(parent=home)
    source = ResourcePageFactory(parent=library, title="Focus Report 2017")
    translate_page(home, "es", title="Inicio", slug="inicio")
    translate_page(library, "es", title="Recursos", slug="recursos")
    spanish = translate_page(source, "es", title="Informe Focus 2017", slug="informe-focus-2017")
    assert found("es", "978-2-930539-55-3") == set()
    ResourceIdentifier.objects.create(page=source, scheme="isbn", value="978-2-930539-55-3")
    source.save_revision().publish()
    assert found("en", "978-2-930539-55-3") == {source.pk}
    # The Spanish page reads its facts from the English one: it is reindexed with it.
    assert found("es", "978-2-930539-55-3") == {spanish.pk}


def test_a_renamed_topic_finds_its_publications_under_the_new_name(
    publication, django_capture_on_commit_callbacks
):
    from resources.factories import TopicFactory

    page, _document = publication
    topic = TopicFactory(name="Criminalisation")
    page.topics.add(topic)
    page.save_revision().publish()
    assert page.pk not in searched("en", "stigmatisation")

    topic.name = "Stigmatisation"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save()
    assert page.pk in searched("en", "stigmatisation")


def test_writing_the_index_stamps_a_new_content_version(publication):
    """What the library cached from the index before a page was indexed is not believed after."""
    page, _document = publication
    before = content_version.current()
    reindex_pages_by_id.enqueue([page.pk])  # as the worker runs it after a publish
    assert content_version.current() != before
