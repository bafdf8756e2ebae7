"""WAGTAILSEARCH_BACKENDS for the project: one public search backend per content language.

Imported by the settings, so it must not import models. Each content language
gets a backend named after its code ("en", "fr", "es") that indexes only the
live, public pages of that language, analysed with that language's rules:

- database (default): PostgreSQL full text with the language's text search
  configuration (an unaccented copy made by search/migrations/0001), or SQLite
  FTS5 (no stemming) for the embedded default;
- Elasticsearch 8/9 or OpenSearch 2/3 when ELASTICSEARCH_URL or OPENSEARCH_URL
  is set: one index per language (and root model) with the language analyser,
  named "<prefix>-<language>-...".

The "default" backend serves the admin and keeps no index at all: the
language backends share modelsearch's one index table (see
search/backends/scoping.py), and only live, public pages are ever indexed.
"""

# PostgreSQL configurations created by search/migrations/0001_text_search_configs.py:
# the built-in language configuration plus `unaccent`, so "jurídica" matches "juridica".
POSTGRES_SEARCH_CONFIGS = {"en": "pi_english", "fr": "pi_french", "es": "pi_spanish"}
# Elasticsearch/OpenSearch built-in language analysers.
ELASTICSEARCH_ANALYZERS = {"en": "english", "fr": "french", "es": "spanish"}

ELASTICSEARCH_BACKENDS = {
    8: "search.backends.elasticsearch.LanguageElasticsearch8SearchBackend",
    9: "search.backends.elasticsearch.LanguageElasticsearch9SearchBackend",
}
OPENSEARCH_BACKENDS = {
    2: "search.backends.elasticsearch.LanguageOpenSearch2SearchBackend",
    3: "search.backends.elasticsearch.LanguageOpenSearch3SearchBackend",
}


# The admin's search (drafts and private pages included) queries the database
# directly and keeps no index, so nothing unpublished is ever written to an index.
ADMIN_BACKEND = {"BACKEND": "modelsearch.backends.database.fallback"}


def postgres_search_config(language_code):
    """The text search configuration for a language; 'simple' where PostgreSQL has none."""
    return POSTGRES_SEARCH_CONFIGS.get(language_code, "simple")


def elasticsearch_analyzer(language_code):
    return ELASTICSEARCH_ANALYZERS.get(language_code, "standard")


def search_backends(
    languages,
    *,
    elasticsearch_url=None,
    elasticsearch_version=9,
    opensearch_url=None,
    opensearch_version=3,
    index_prefix="pi-dev",
):
    """Build WAGTAILSEARCH_BACKENDS for the given language codes."""
    if elasticsearch_url or opensearch_url:
        if elasticsearch_url:
            classes, url, version = ELASTICSEARCH_BACKENDS, elasticsearch_url, elasticsearch_version
        else:
            classes, url, version = OPENSEARCH_BACKENDS, opensearch_url, opensearch_version
        backend = classes[version]
        backends = {"default": ADMIN_BACKEND}
        for code in languages:
            backends[code] = {
                "BACKEND": backend,
                "URLS": [url],
                "INDEX_PREFIX": f"{index_prefix}-{code}-",
                "LANGUAGE": code,
            }
        return backends

    backends = {"default": ADMIN_BACKEND}
    for code in languages:
        backends[code] = {
            "BACKEND": "search.backends.database",
            "LANGUAGE": code,
            "SEARCH_CONFIG": postgres_search_config(code),
        }
    return backends
