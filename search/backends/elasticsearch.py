"""Elasticsearch 8/9 and OpenSearch 2/3 backends for one content language.

Each language backend writes to its own indexes ("<prefix>-<language>-<model>")
whose default analyser is the language's built-in analyser (french, spanish,
english), so stemming and stop words follow the language both when indexing
and when searching. Classes are built on first use so that the OpenSearch
client is only needed when OpenSearch is configured.
"""

from importlib import import_module

from resources.search_text import publication_texts_attached
from search.pending import server_may_fail
from website.language_profiles import profile

from .scoping import LanguageScope, is_searchable_model

ENGINES = {
    "LanguageElasticsearch8SearchBackend": (
        "modelsearch.backends.elasticsearch8",
        "Elasticsearch8SearchBackend",
    ),
    "LanguageElasticsearch9SearchBackend": (
        "modelsearch.backends.elasticsearch9",
        "Elasticsearch9SearchBackend",
    ),
    "LanguageOpenSearch2SearchBackend": ("modelsearch.backends.opensearch2", "OpenSearch2SearchBackend"),
    "LanguageOpenSearch3SearchBackend": ("modelsearch.backends.opensearch3", "OpenSearch3SearchBackend"),
}


def language_index_settings(language):
    """Index settings that make the language analyser the default for every text field."""
    analyzer = profile(language).elasticsearch_analyzer
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": {"type": analyzer},
                    "default_search": {"type": analyzer},
                }
            }
        }
    }


class ScopedElasticsearchIndexMixin:
    """Writes only the live, public pages of the backend's language, and never fails a save.

    A server that does not answer leaves the objects in search.pending's queue
    (retried by a background task) instead of raising into the publish or
    unpublish that asked for the update.
    """

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        items = list(items)
        with server_may_fail(self.backend, model, items):
            self._add_scoped_items(model, items)

    def _add_scoped_items(self, model, items):
        keep, drop = self.backend.scope.split(model, items)
        for obj in drop:
            super().delete_item(obj)
        if keep:
            with publication_texts_attached(keep):
                super().add_items(model, keep)

    def delete_item(self, item):
        # Only searchable pages are ever written to the language indexes: deleting
        # anything else (a snippet, an image) needs no call to the server.
        if not is_searchable_model(type(item)):
            return
        with server_may_fail(self.backend, type(item), [item]):
            super().delete_item(item)


class ScopedElasticsearchBackendMixin:
    def __init__(self, params):
        params = dict(params)
        language = params.pop("LANGUAGE")
        self.scope = LanguageScope(language)
        settings = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = _deep_merge(language_index_settings(language), settings)
        super().__init__(params)

    @property
    def language(self):
        return self.scope.language


def _deep_merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


_built = {}


def build(name):
    if name not in _built:
        module_name, class_name = ENGINES[name]
        engine = getattr(import_module(module_name), class_name)
        index_class = type(
            f"Language{engine.index_class.__name__}", (ScopedElasticsearchIndexMixin, engine.index_class), {}
        )
        _built[name] = type(name, (ScopedElasticsearchBackendMixin, engine), {"index_class": index_class})
    return _built[name]


def __getattr__(name):
    if name in ENGINES:
        return build(name)
    raise AttributeError(name)
