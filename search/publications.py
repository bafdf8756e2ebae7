"""The text a publication is found by, beyond its title and summary.

A publication's facts (identifiers, authors, type, topics, files) live on the
source-language page (ResourcePage.facts); each translation is indexed with
those facts, its taxonomy labels in its own language, and the text of the
files in its own language only, so a French query never matches English prose.
"""

import re

from website.localized_relations import localize_all

from .indexing import public_document_text

SEPARATORS = re.compile(r"[^\w]+")


def identifier_variants(value):
    """'A/RES/53/144' also as 'A RES 53 144' and 'ARES53144', the ways people type it."""
    parts = [part for part in SEPARATORS.split(value) if part]
    return [value, " ".join(parts), "".join(parts)]


def publication_search_text(page):
    facts = page.facts
    texts = []
    for identifier in facts.identifiers.all():
        texts.extend(identifier_variants(identifier.value))
    texts.extend([facts.authors, facts.publisher])
    groups = [
        [facts.resource_type] if facts.resource_type_id else [],
        facts.topics.all(),
        facts.regions.all(),
    ]
    for labels in groups:
        texts.extend(label.name for label in localize_all(labels, page.locale))
    language = page.locale.language_code
    for file in facts.files.select_related("document"):
        if file.language == language:
            texts.append(public_document_text(file.document))
    return "\n".join(text for text in texts if text)
