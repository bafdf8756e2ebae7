"""Promoted results ("declaration" → the UN Declaration) and the popular-queries count.

Editors set promotions in Wagtail's "Promoted search results" for a query
string; Wagtail's Query model has no language, so a promotion applies to every
language and the promoted page is shown in the visitor's language. Queries
match whatever their accents and case: a promotion for "déclaration" also
answers "declaration" and "DECLARATION". A promotion may be an external link
instead of a page.
"""

from dataclasses import dataclass

from django.db.models.functions import Length
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


def record_query(query):
    """Count the query for editors' popular-queries report."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query).add_hit()
