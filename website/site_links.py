"""The pages the site settings point every page at (contact, privacy notice, legal information),
as links in the visitor's language.

The settings hold the pages of the default language; a visitor reading French is led to the
French translation where it is live and public, else to the page itself where public, else to
nothing (a draft or private page is never linked). One query for all of them, memoised per
request by the settings loader and by website.visibility.
"""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from website.models import OrganisationSettings
from website.visibility import public_pages

LINKED_PAGES = ("contact_page", "privacy_page", "legal_page")


def site_links(request):
    organisation = OrganisationSettings.load(request_or_site=request)
    chosen = {name: getattr(organisation, f"{name}_id") for name in LINKED_PAGES}
    ids = {pk for pk in chosen.values() if pk}
    language = get_supported_content_language_variant(translation.get_language())
    pages = {}
    if ids:
        sources = Page.objects.filter(pk__in=ids).values("translation_key")
        for page in public_pages(Page.objects.filter(translation_key__in=sources)).select_related("locale"):
            pages.setdefault(page.translation_key, {})[page.locale.language_code] = page
            if page.pk in ids:
                pages[page.translation_key]["source"] = page
    by_id = {}
    for versions in pages.values():
        source = versions.get("source")
        target = versions.get(language) or source
        if source is not None and target is not None:
            by_id[source.pk] = target
    links = {"organisation": organisation}
    for name, pk in chosen.items():
        page = by_id.get(pk)
        links[name] = {"url": page.get_url(request), "title": page.title} if page is not None else None
    contact = links["contact_page"]
    links["contact_url"] = (
        contact["url"]
        if contact
        else (f"mailto:{organisation.contact_email}" if organisation.contact_email else "")
    )
    return links
