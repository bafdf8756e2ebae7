"""Rich text link handlers that link only to what an anonymous visitor may open.

Wagtail's handlers (`wagtail.rich_text.pages.PageLinkHandler`,
`wagtail.documents.rich_text.DocumentLinkHandler`) link to any page or document,
drafts and private ones included. These keep the link text and drop the
address, as Wagtail does for a deleted target (`<a>` without `href`).
"""

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from website.visibility import is_document_public, public_link_target

UNLINKED = "<a>"


class PublicPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = (public_link_target(page) for page in cls.get_many(attrs_list))
        return [f'<a href="{escape(page.url)}">' if page else UNLINKED for page in targets]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(document.url)}">' if document and is_document_public(document) else UNLINKED
            for document in cls.get_many(attrs_list)
        ]


HANDLERS = {"page": PublicPageLinkHandler, "document": PublicDocumentLinkHandler}


def unlink_hidden(db_html):
    """Database rich text without the links to hidden pages and private documents.

    For output formats that resolve links without the handlers above (the API's
    Markdown goes through Draft.js entity data). One batch per link type.
    """
    if not db_html:
        return db_html
    matches = [(match, extract_attrs(match.group(1))) for match in FIND_A_TAG.finditer(db_html)]
    replacements = {}
    for linktype, handler in HANDLERS.items():
        found = [(match, attrs) for match, attrs in matches if attrs.get("linktype") == linktype]
        if found:
            expanded = handler.expand_db_attributes_many([attrs for _match, attrs in found])
            for (match, _attrs), tag in zip(found, expanded, strict=True):
                if tag == UNLINKED:
                    replacements[match.start()] = UNLINKED
    if not replacements:
        return db_html
    return FIND_A_TAG.sub(lambda match: replacements.get(match.start(), match.group(0)), db_html)
