"""Promoted results ("declaration" → the UN Declaration) and the popular-queries count.

Editors set promotions in Wagtail's "Promoted search results" for a query
string; Wagtail's Query model has no language, so a promotion applies to every
language and the promoted page is shown in the visitor's language. Queries
match whatever their accents and case: a promotion for "déclaration" also
answers "declaration" and "DECLARATION". A promotion may be an external link
instead of a page.

Popular queries (the editors' report) are counted in the cache during the
visitor's request, never in the database: a search is a GET that anyone may
send, and Wagtail's `Query.add_hit` costs a SELECT and an UPDATE of one hot
row per search (issue 19). `manage.py flush_search_hits`, run every few
minutes like `publish_scheduled`, adds the counts to Wagtail's daily hits in
one batch. Counts not flushed within HITS_KEPT_DAYS are lost, as is a hit
while the cache is down: the report is a popularity guide, not an audit.
"""

import contextlib
import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Length
from django.utils import timezone
from modelsearch.utils import normalise_query_string
from wagtail.models import Page

from website.visibility import public_pages

from .snippets import fold


@dataclass
class Promotion:
    """One promoted result: a page in the visitor's language, or an external link."""

    page: Page | None = None
    url: str = ""
    title: str = ""
    description: str = ""


def find_promotions(query, locale):
    """The promotions for `query`, in the editors' order; three queries at most."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    normalised = normalise_query_string(query)
    wanted = fold(normalised)
    # Folding keeps one character for one, so only query strings of the same length can match.
    candidates = (
        Query.objects.filter(editors_picks__isnull=False)
        .annotate(length=Length("query_string"))
        .filter(length=len(normalised))
        .values_list("pk", "query_string")
        .distinct()
    )
    query_ids = [pk for pk, text in candidates if fold(text) == wanted]
    if not query_ids:
        return []
    picks = list(
        SearchPromotion.objects.filter(query_id__in=query_ids)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    pages = {}
    if keys:
        pages = {
            page.translation_key: page
            for page in public_pages(Page.objects.filter(translation_key__in=keys, locale=locale)).specific()
        }
    promotions, seen = [], set()
    for pick in picks:
        if pick.page_id:
            page = pages.get(pick.page.translation_key)
            if page is not None and page.pk not in seen:
                seen.add(page.pk)
                promotions.append(Promotion(page=page, description=pick.description))
        elif pick.external_link_url and pick.external_link_url not in seen:
            seen.add(pick.external_link_url)
            promotions.append(
                Promotion(
                    url=pick.external_link_url,
                    title=pick.external_link_text or pick.external_link_url,
                    description=pick.description,
                )
            )
    return promotions


HITS_KEPT_DAYS = 7


def _hits_key(day, query=None):
    if query is None:
        return f"search:hits:{day.isoformat()}:queries"
    return f"search:hits:{day.isoformat()}:{hashlib.sha256(query.encode()).hexdigest()[:32]}"


def record_query(query):
    """Count the query for editors' popular-queries report: in the cache, no database write."""
    query = normalise_query_string(query)
    if not query:
        return
    day = timezone.now().date()
    key = _hits_key(day, query)
    timeout = (HITS_KEPT_DAYS + 1) * 24 * 60 * 60
    if cache.add(key, 0, timeout):
        # The day's first search for it: list it for the flush (a rare write to one key,
        # which two new queries at the same instant may race for: one is then not flushed).
        queries = cache.get(_hits_key(day)) or set()
        cache.set(_hits_key(day), queries | {query}, timeout)
    # Expired or evicted between add and incr, or the cache is down: the hit is lost.
    with contextlib.suppress(ValueError):
        cache.incr(key)


def flush_search_hits(today=None):
    """Add the hits counted in the cache to Wagtail's daily hits; returns how many were added.

    Each count is lowered by what was written, not reset, so searches made during the flush
    are kept for the next one.
    """
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    today = today or timezone.now().date()
    flushed = 0
    for offset in range(HITS_KEPT_DAYS, -1, -1):
        day = today - datetime.timedelta(days=offset)
        queries = sorted(cache.get(_hits_key(day)) or ())
        if not queries:
            continue
        keys = {_hits_key(day, query): query for query in queries}
        counts = {keys[key]: count for key, count in cache.get_many(list(keys)).items() if count}
        for query, count in counts.items():
            with transaction.atomic():
                daily, _created = QueryDailyHits.objects.get_or_create(query=Query.get(query), date=day)
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + count)
            with contextlib.suppress(ValueError):
                cache.decr(_hits_key(day, query), count)
            flushed += count
    return flushed
