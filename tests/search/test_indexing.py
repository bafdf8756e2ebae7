import pytest
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from conftest import translate_page
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def found(language, query, model=ProgrammePage):
    locale = Locale.objects.get(language_code=language)
    backend = get_search_backend(language)
    return {page.pk for page in backend.search(query, model.objects.filter(locale=locale))}


def indexed_ids(language):
    """Ids of the pages in `language` that have a row in the search index.

    Every language's backend writes to the one IndexEntry table (each only its
    own language's pages), so the rows are told apart by their page's locale.
    """
    from wagtail.search.models import IndexEntry

    pages = {
        (content_type, str(pk))
        for pk, content_type in Page.objects.filter(locale__language_code=language).values_list(
            "pk", "content_type"
        )
    }
    entries = set(IndexEntry.objects.values_list("content_type", "object_id"))
    return {pk for _content_type, pk in pages & entries}


@pytest.fixture
def index(site_tree):
    return site_tree["en"]["index"]


def test_publish_indexes_the_page_in_its_language_only(index):
    page = ProgrammePageFactory(parent=index, title="Protection desks", summary="Local protection desks")
    french = translate_page(page, "fr", title="Bureaux de protection", slug="bureaux", summary="Des bureaux")
    assert found("en", "desks") == {page.pk}
    assert found("fr", "bureaux") == {french.pk}
    # The English backend never holds the French page, and the other way round.
    assert found("en", "bureaux") == set()
    assert found("fr", "desks") == set()
    assert str(page.pk) in indexed_ids("en") and str(french.pk) in indexed_ids("fr")


def test_draft_is_not_indexed_until_published(index):
    page = ProgrammePageFactory(parent=index, title="Legal shields", live=False)
    page.save_revision()
    assert found("en", "shields") == set()
    assert str(page.pk) not in indexed_ids("en")
    page.get_latest_revision().publish()
    assert found("en", "shields") == {page.pk}


def test_unpublish_removes_the_page_and_leaves_its_translation(index):
    page = ProgrammePageFactory(parent=index, title="Protection desks")
    french = translate_page(page, "fr", title="Bureaux de protection", slug="bureaux")
    assert str(page.pk) in indexed_ids("en")
    page.unpublish()
    assert str(page.pk) not in indexed_ids("en")
    assert found("en", "desks") == set()
    assert str(french.pk) in indexed_ids("fr")


def test_delete_removes_the_page_and_leaves_its_translation(index):
    page = ProgrammePageFactory(parent=index, title="Protection desks")
    french = translate_page(page, "fr", title="Bureaux de protection", slug="bureaux")
    pk = page.pk
    page.delete()
    assert str(pk) not in indexed_ids("en")
    assert str(french.pk) in indexed_ids("fr")


def test_view_restriction_removes_the_section_and_lifting_it_restores(
    index, django_capture_on_commit_callbacks
):
    page = ProgrammePageFactory(parent=index, title="Protection desks")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert str(page.pk) not in indexed_ids("en")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found("en", "desks") == {page.pk}


def test_move_under_a_restricted_section_removes_the_page(home, index, django_capture_on_commit_callbacks):
    page = ProgrammePageFactory(parent=index, title="Protection desks")
    other = ProgrammeIndexPageFactory(parent=home, title="Private", slug="private")
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    assert str(page.pk) not in indexed_ids("en")
