import pytest
from django.db import connection
from wagtail.models import Page

from website.id_lists import among

pytestmark = pytest.mark.django_db


def test_pages_among_ids_are_found_with_one_parameter_whatever_the_number():
    ids = list(Page.objects.values_list("pk", flat=True))
    many = ids + list(range(10**6, 10**6 + 5000))  # a broad search's worth of ids, most unknown
    assert set(Page.objects.filter(pk__in=among(many)).values_list("pk", flat=True)) == set(ids)
    if connection.vendor == "postgresql":
        query = str(Page.objects.filter(pk__in=among(many)).query)
        assert "UNNEST" in query  # one array, not 5,000 literals


def test_sqlite_gets_the_fallback_when_the_ids_would_not_fit():
    if connection.vendor != "sqlite" or connection.features.max_query_params is None:
        pytest.skip("SQLite bounds the parameters of a query; PostgreSQL takes an array")
    fallback = Page.objects.values("pk")
    ids = list(range(connection.features.max_query_params + 1))
    assert among(ids, fallback=fallback) is fallback
    assert among(ids[:10], fallback=fallback) == ids[:10]
