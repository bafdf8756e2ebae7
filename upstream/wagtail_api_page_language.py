"""Workaround: API v3 resolves internal links by the request's Accept-Language, not the page's language.

Rich text page links (`wagtail.rich_text.pages.PageLinkHandler`) and page
choosers in blocks resolve through `Page.localized`, which picks the
translation in the *active* language; API v3 never activates the language of
the page it serialises, so a French page read with `Accept-Language: en`
links to English pages. Rendering inside `in_page_language` links each page
to pages in its own language, as the HTML site does.

The `markdown` rich text format resolves links another way, through Draft.js
entity data (`html_to_contentstate.PageLinkElementHandler` gives the URL of
the page as chosen, never its translation): `localize_page_links` first points
each page link at the linked page's live translation in the page's language,
as `Page.localized` would.

Delete this module when v3 renders content in the language of the object it serialises.
"""

import re
from contextlib import nullcontext

from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

LINK_ID = re.compile(r'\bid="[^"]*"')


def in_page_language(obj):
    """A context in which `obj`'s language is active (nothing changes for objects without a locale)."""
    locale = getattr(obj, "locale", None)
    if locale is None:
        return nullcontext()
    return translation.override(locale.language_code)


def _linked_page_id(attrs):
    if attrs.get("linktype") != "page":
        return None
    try:
        return int(attrs.get("id", ""))
    except ValueError:
        return None


def localize_page_links(db_html, obj):
    """Database rich text whose page links lead to the live translation in `obj`'s language, if any.

    Two queries, whatever the number of links; links to pages without such a
    translation are left as they are.
    """
    locale_id = getattr(obj, "locale_id", None)
    if not db_html or locale_id is None:
        return db_html
    links = (_linked_page_id(extract_attrs(match.group(1))) for match in FIND_A_TAG.finditer(db_html))
    linked = set(links) - {None}
    if not linked:
        return db_html
    keys = dict(
        Page.objects.filter(pk__in=linked).exclude(locale_id=locale_id).values_list("pk", "translation_key")
    )
    translated = dict(
        Page.objects.filter(translation_key__in=keys.values(), locale_id=locale_id, live=True).values_list(
            "translation_key", "pk"
        )
    )

    def relink(match):
        target = translated.get(keys.get(_linked_page_id(extract_attrs(match.group(1)))))
        return match.group(0) if target is None else LINK_ID.sub(f'id="{target}"', match.group(0), count=1)

    return FIND_A_TAG.sub(relink, db_html)
