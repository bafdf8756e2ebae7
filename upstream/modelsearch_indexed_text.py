"""Workaround: modelsearch's database backends offer no hook for the text they index.

`ObjectIndexer` (modelsearch/backends/database/{postgres,sqlite}) turns each search
field's value into text and hands it to PostgreSQL or SQLite FTS5 as it is: a backend
cannot fold a language's spellings first. PostgreSQL 15 has no Arabic stemmer or
normaliser and `unaccent` leaves Arabic alone, so "إعلان" indexed would not be found by
a visitor who types "اعلان". Elasticsearch's `arabic` analyser folds both sides itself.

`apply()` makes each database indexer pass its values through its backend's
`normalise_indexed_text(text)` when the backend has one (search/backends/database.py);
other backends index as before.

Upstream: no issue found in wagtail/django-modelsearch; the text to file is in
upstream/ISSUES.md. Delete this module when an indexer hook exists
(tests/upstream/test_modelsearch_indexed_text.py says so).
"""

from importlib import import_module

from django.db import connection

# modelsearch registers each database's index models only on that database, so only the
# indexer of the database in use can be imported (search/backends/database.py does the same).
INDEXER_MODULES = {
    "postgresql": "modelsearch.backends.database.postgres.postgres",
    "sqlite": "modelsearch.backends.database.sqlite.sqlite",
}
UPSTREAM_INIT = {}
UPSTREAM_PREPARE_VALUE = {}


def indexer_class(vendor):
    return import_module(INDEXER_MODULES[vendor]).ObjectIndexer


def _patched(indexer):
    upstream_init = UPSTREAM_INIT[indexer]
    upstream_prepare_value = UPSTREAM_PREPARE_VALUE[indexer]

    def __init__(self, obj, backend):  # noqa: N807 - replaces the class's own __init__
        upstream_init(self, obj, backend)
        self.normalise_text = getattr(backend, "normalise_indexed_text", None)

    def prepare_value(self, value):
        text = upstream_prepare_value(self, value)
        return self.normalise_text(text) if self.normalise_text else text

    return __init__, prepare_value


def apply():
    if connection.vendor not in INDEXER_MODULES:
        return
    indexer = indexer_class(connection.vendor)
    UPSTREAM_INIT[indexer] = indexer.__init__
    UPSTREAM_PREPARE_VALUE[indexer] = indexer.prepare_value
    indexer.__init__, indexer.prepare_value = _patched(indexer)
