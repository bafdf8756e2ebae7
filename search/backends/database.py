"""The database search backend for one content language.

`BACKEND: "search.backends.database"` picks PostgreSQL full text (with the
language's SEARCH_CONFIG) or SQLite FTS5, like modelsearch's own
"modelsearch.backends.database", and scopes it to the LANGUAGE option.

modelsearch's PostgreSQL backend hard-codes the plain `simple` configuration
for autocomplete, so suggestions would be accent-sensitive ("legislacion"
would not suggest "Legislación"); AUTOCOMPLETE_CONFIG names an unaccented copy
(`pi_simple`, search/migrations/0002). SQLite's FTS5 tokenizer already folds
accents.

A language whose spellings neither PostgreSQL nor SQLite fold (Arabic's hamza,
taa marbuta, alef maqsura, harakat) has its indexed text folded here, as its
queries are (search/inflection.py); upstream/modelsearch_indexed_text.py hands
each indexed value to `normalise_indexed_text`.
"""

from django.db import connection
from modelsearch.utils import get_descendants_content_types_pks

from resources.search_text import publication_texts_attached

from ..inflection import normalise_indexed_text
from .scoping import LanguageScope, own_entries


class ScopedIndexMixin:
    """An index that holds only the live, public searchable pages of its backend's language."""

    def add_items(self, model, objs):
        keep, drop = self.backend.scope.split(model, objs)
        if drop:
            self.delete_items(model, drop)
        if keep:
            with publication_texts_attached(keep):
                super().add_items(model, keep)

    def delete_items(self, model, objs):
        """Remove many pages' rows in one query (a whole unpublished section, say)."""
        self.entries.filter(
            content_type_id__in=get_descendants_content_types_pks(model),
            object_id__in=[str(obj.pk) for obj in objs],
        ).delete()

    def delete_stale_entries(self):
        # A rebuild starts from nothing for this language (inside the rebuild's
        # transaction), so pages that were unpublished or restricted since the
        # last rebuild do not linger; other languages' rows are left alone.
        if self.backend.scope.language is not None:
            own_entries(self.entries, self.backend.scope.language).delete()
        super().delete_stale_entries()


class ScopedBackendMixin:
    def __init__(self, params):
        params = dict(params)
        self.scope = LanguageScope(params.pop("LANGUAGE", None))
        autocomplete_config = params.pop("AUTOCOMPLETE_CONFIG", None)
        super().__init__(params)
        if autocomplete_config and connection.vendor == "postgresql":
            self.autocomplete_config = autocomplete_config

    @property
    def language(self):
        return self.scope.language

    def normalise_indexed_text(self, text):
        return text if self.language is None else normalise_indexed_text(text, self.language)


def postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

    class LanguagePostgresIndex(ScopedIndexMixin, PostgresIndex):
        pass

    class LanguagePostgresSearchBackend(ScopedBackendMixin, PostgresSearchBackend):
        index_class = LanguagePostgresIndex

    return LanguagePostgresSearchBackend


def sqlite_backend_class():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend

    class LanguageSQLiteIndex(ScopedIndexMixin, SQLiteIndex):
        pass

    class LanguageSQLiteSearchBackend(ScopedBackendMixin, SQLiteSearchBackend):
        index_class = LanguageSQLiteIndex

    return LanguageSQLiteSearchBackend


_classes = {}


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    vendor = connection.vendor
    if vendor not in _classes:
        if vendor == "postgresql":
            _classes[vendor] = postgres_backend_class()
        elif vendor == "sqlite":
            _classes[vendor] = sqlite_backend_class()
        else:
            raise NotImplementedError(f"No language search backend for the {vendor} database.")
    return _classes[vendor](params)
