"""Demo promoted results: "declaration" leads to the UN Declaration on Human Rights Defenders.

One promoted query per language, as an editor would set them; promotions match
whatever the accents and case (search/promotions.py), so "declaration" typed
on the French site finds the French page too. Loading twice changes nothing.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from resources.models import ResourcePage

DECLARATION_SLUG = "un-declaration-on-human-rights-defenders"
PROMOTED_QUERIES = ("declaration", "déclaration", "declaración")


def load(log):
    declaration = ResourcePage.objects.filter(slug=DECLARATION_SLUG, locale=Locale.get_default()).first()
    if declaration is None:
        log("No UN Declaration publication: no promoted search results")
        return
    for text in PROMOTED_QUERIES:
        query = Query.get(text)
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=query, page=declaration, defaults={"sort_order": 0}
        )
        if created:
            log(f"Promoted search result: {text!r} → {declaration.title}")
