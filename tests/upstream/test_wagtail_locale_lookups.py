"""Canary for upstream/wagtail_locale_lookups.py: the active Locale is read once per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search.models import SynonymGroup
from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_locale_lookups import UPSTREAM_GET_FOR_LANGUAGE
from website.visibility import RequestVisibilityMiddleware

pytestmark = pytest.mark.django_db


def queries_in_one_request(lookup):
    def view(request):
        lookup()
        lookup()
        return None

    with CaptureQueriesContext(connection) as queries:
        RequestVisibilityMiddleware(view)(None)
    return len(queries)


def test_the_locale_is_read_once_per_request():
    assert queries_in_one_request(lambda: Locale.objects.get_for_language("fr")) == 1
    assert queries_in_one_request(Locale.get_active) == 1


def test_outside_a_request_each_call_reads_afresh():
    with CaptureQueriesContext(connection) as queries:
        Locale.objects.get_for_language("fr")
        Locale.objects.get_for_language("fr")
    assert len(queries) == 2


def test_a_language_without_a_locale_still_raises_does_not_exist():
    # The seeded Spanish synonyms protect their locale.
    SynonymGroup.objects.filter(locale__language_code="es").delete()
    Locale.objects.filter(language_code="es").delete()
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("es")


def test_canary_wagtail_reads_the_locale_at_every_call():
    assert_gap_remains(
        queries_in_one_request(lambda: UPSTREAM_GET_FOR_LANGUAGE(Locale.objects, "fr")) == 2,
        gap="Locale.get_for_language querying at every call",
        module="wagtail_locale_lookups",
    )
