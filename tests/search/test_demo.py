import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from search import demo
from search.query import run_search

pytestmark = pytest.mark.django_db


def test_the_demo_promotes_the_declaration_once_per_language_and_only_once(home):
    library = ResourceIndexPageFactory(parent=home)
    declaration = ResourcePageFactory(parent=library, title="UN Declaration", slug=demo.DECLARATION_SLUG)
    messages = []
    demo.load(messages.append)
    demo.load(messages.append)
    assert sorted(SearchPromotion.objects.values_list("query__query_string", flat=True)) == [
        "declaración",
        "declaration",
        "déclaration",
    ]
    assert len(messages) == 3
    outcome = run_search({"q": "Declaration"}, "en", record=False)
    assert [hit.page.pk for hit in outcome.promotions] == [declaration.pk]


def test_without_the_declaration_nothing_is_promoted(home):
    messages = []
    demo.load(messages.append)
    assert not SearchPromotion.objects.exists()
    assert messages
