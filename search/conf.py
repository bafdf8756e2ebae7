"""WAGTAILSEARCH_BACKENDS for the project: one public search backend per content language.

Imported by the settings, so it must not import models. Each content language
gets a backend named after its code ("en", "fr", "es") that indexes only the
live, public pages of that language, analysed with that language's rules:

- database (default): PostgreSQL full text with the language's text search
  configuration (the unaccented copy its profile names, website/language_profiles.py),
  or SQLite FTS5 (no stemming) for the embedded default;
- Elasticsearch 8/9 or OpenSearch 2/3 when ELASTICSEARCH_URL or OPENSEARCH_URL
  is set: one index per language (and root model) with the language analyser,
  named "<prefix>-<language>-...".

The "default" backend serves the admin and keeps no index at all: the
language backends share modelsearch's one index table (see
search/backends/scoping.py), and only live, public pages are ever indexed.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from website.language_profiles import profile

# `simple` plus `unaccent` (search/migrations/0002), for suggestions in every language.
POSTGRES_SIMPLE_CONFIG = "pi_simple"

ELASTICSEARCH_BACKENDS = {
    8: "search.backends.elasticsearch.LanguageElasticsearch8SearchBackend",
    9: "search.backends.elasticsearch.LanguageElasticsearch9SearchBackend",
}
OPENSEARCH_BACKENDS = {
    2: "search.backends.elasticsearch.LanguageOpenSearch2SearchBackend",
    3: "search.backends.elasticsearch.LanguageOpenSearch3SearchBackend",
}


# How long a call to Elasticsearch/OpenSearch may take (seconds), and how many times
# the client tries another connection after a failure. A dead or unreachable server
# then costs a visitor's search at most a few seconds before the "unavailable" page,
# and the background indexing task no longer than that before it waits for the next
# try (search/pending.py), instead of the clients' 10 s per attempt with 3 retries.
SERVER_TIMEOUT = 5
SERVER_OPTIONS = {"max_retries": 1, "retry_on_timeout": False}

# The admin's search (drafts and private pages included) queries the database
# directly and keeps no index, so nothing unpublished is ever written to an index.
ADMIN_BACKEND = {"BACKEND": "modelsearch.backends.database.fallback"}


def engine_for_version(classes, version, variable):
    supported = ", ".join(str(number) for number in classes)
    try:
        return classes[int(str(version).strip())]
    except (KeyError, ValueError):
        raise ImproperlyConfigured(
            f"{variable}={version!r} is not supported: use one of {supported} (see search/conf.py)."
        ) from None


def search_backends(
    languages,
    *,
    elasticsearch_url=None,
    elasticsearch_version=9,
    opensearch_url=None,
    opensearch_version=3,
    index_prefix="pi-dev",
):
    """Build WAGTAILSEARCH_BACKENDS for the given language codes.

    An unsupported ELASTICSEARCH_VERSION/OPENSEARCH_VERSION is an ImproperlyConfigured
    error at start-up, naming the versions there are.
    """
    if elasticsearch_url or opensearch_url:
        if elasticsearch_url:
            url = elasticsearch_url
            backend = engine_for_version(
                ELASTICSEARCH_BACKENDS, elasticsearch_version, "ELASTICSEARCH_VERSION"
            )
        else:
            url = opensearch_url
            backend = engine_for_version(OPENSEARCH_BACKENDS, opensearch_version, "OPENSEARCH_VERSION")
        backends = {"default": ADMIN_BACKEND}
        for code in languages:
            backends[code] = {
                "BACKEND": backend,
                "URLS": [url],
                "INDEX_PREFIX": f"{index_prefix}-{code}-",
                "LANGUAGE": code,
                "TIMEOUT": SERVER_TIMEOUT,
                "OPTIONS": dict(SERVER_OPTIONS),
            }
        return backends

    backends = {"default": ADMIN_BACKEND}
    for code in languages:
        backends[code] = {
            "BACKEND": "search.backends.database",
            "LANGUAGE": code,
            "SEARCH_CONFIG": profile(code).postgres_config,
            "AUTOCOMPLETE_CONFIG": POSTGRES_SIMPLE_CONFIG,
        }
    return backends


def language_backend_names():
    """The language backends, named after their language codes (search_backends above)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
