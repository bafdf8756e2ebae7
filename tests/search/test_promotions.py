"""Popular-search hits: counted in the cache by the search, written to the report in one batch."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from search.promotions import HITS_KEPT_DAYS, flush_search_hits, record_query

pytestmark = pytest.mark.django_db


def daily_hits(query_string):
    query = Query.objects.filter(query_string=query_string).first()
    return {row.date: row.hits for row in query.daily_hits.all()} if query else {}


def test_hits_are_counted_without_a_query_and_flushed_as_one_count_per_query_and_day():
    with CaptureQueriesContext(connection) as queries:
        for text in ("Defenders", "defenders ", "DEFENDERS", "land rights"):
            record_query(text)
    assert len(queries) == 0
    today = datetime.date.today()
    assert flush_search_hits() == 4
    assert daily_hits("defenders") == {today: 3}
    assert daily_hits("land rights") == {today: 1}


def test_a_second_flush_adds_only_what_came_since():
    record_query("defenders")
    flush_search_hits()
    assert flush_search_hits() == 0
    record_query("defenders")
    record_query("defenders")
    assert flush_search_hits() == 2
    assert daily_hits("defenders") == {datetime.date.today(): 3}


def test_counts_of_earlier_days_go_to_their_own_day():
    today = datetime.date.today()
    record_query("shelter")
    later = today + datetime.timedelta(days=2)
    assert flush_search_hits(today=later) == 1
    assert daily_hits("shelter") == {today: 1}
    # Past the days kept, nothing is looked for.
    record_query("shelter")
    assert flush_search_hits(today=today + datetime.timedelta(days=HITS_KEPT_DAYS + 1)) == 0


def test_the_command_says_how_many_it_added(capsys):
    record_query("defenders")
    call_command("flush_search_hits")
    assert "1 searches added" in capsys.readouterr().out


def test_an_empty_query_is_not_counted():
    record_query("   ")
    assert flush_search_hits() == 0
    assert not Query.objects.exists()
