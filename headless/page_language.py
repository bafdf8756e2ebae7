"""Workaround: API v3 resolves internal links by the request's Accept-Language, not the page's language.

Rich text page links (`wagtail.rich_text.pages.PageLinkHandler`) and page
choosers in blocks resolve through `Page.localized`, which picks the
translation in the *active* language; API v3 never activates the language of
the page it serialises, so a French page read with `Accept-Language: en`
links to English pages. Rendering inside `in_page_language` links each page
to pages in its own language, as the HTML site does. Delete this module when
v3 renders content in the language of the object it serialises.

Covers the `html` rich text format (the default here, WAGTAILAPI_RICH_TEXT_FORMAT)
and StreamField blocks; the `markdown` format resolves links through Draft.js
entity data, which links to the page as chosen, not its translation.
"""

from contextlib import nullcontext

from django.utils import translation


def in_page_language(obj):
    """A context in which `obj`'s language is active (nothing changes for objects without a locale)."""
    locale = getattr(obj, "locale", None)
    if locale is None:
        return nullcontext()
    return translation.override(locale.language_code)
