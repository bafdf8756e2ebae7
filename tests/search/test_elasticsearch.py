"""The Elasticsearch/OpenSearch language backends, checked without a server.

The backend classes build index settings, mappings and query bodies without
connecting; integration tests run only when ELASTICSEARCH_URL is set.
"""

import os

import pytest

from programmes.models import ProgrammePage
from search.backends.elasticsearch import build
from search.conf import search_backends


def backend(language, name="LanguageElasticsearch9SearchBackend"):
    return build(name)(
        {"URLS": ["http://localhost:9200"], "INDEX_PREFIX": f"pi-test-{language}-", "LANGUAGE": language}
    )


def test_settings_switch_to_one_index_per_language():
    backends = search_backends(
        ["en", "fr", "es"], elasticsearch_url="https://es.example:9200", index_prefix="pi-prod"
    )
    assert backends["fr"]["INDEX_PREFIX"] == "pi-prod-fr-"
    assert backends["es"]["LANGUAGE"] == "es"
    assert backends["default"]["BACKEND"] == "modelsearch.backends.database.fallback"
    opensearch = search_backends(["en"], opensearch_url="https://os.example", opensearch_version=2)
    assert opensearch["en"]["BACKEND"].endswith("LanguageOpenSearch2SearchBackend")


@pytest.mark.parametrize("language,analyzer", [("fr", "french"), ("es", "spanish"), ("en", "english")])
def test_index_settings_use_the_language_analyser(language, analyzer):
    settings = backend(language).settings["settings"]["analysis"]["analyzer"]
    assert settings["default"] == {"type": analyzer}
    assert settings["default_search"] == {"type": analyzer}
    # modelsearch's own autocomplete analysers are kept.
    assert "edgengram_analyzer" in settings


@pytest.mark.parametrize(
    "name",
    [
        "LanguageElasticsearch8SearchBackend",
        "LanguageElasticsearch9SearchBackend",
        "LanguageOpenSearch2SearchBackend",
        "LanguageOpenSearch3SearchBackend",
    ],
)
def test_every_engine_builds_language_indexes(name):
    french = backend("fr", name)
    index = french.get_index_for_model(ProgrammePage)
    assert index.name == "pi-test-fr-wagtailcore_page"
    assert french.settings["settings"]["analysis"]["analyzer"]["default"]["type"] == "french"


def test_mapping_includes_the_searchable_fields():
    mapping_class = backend("fr").mapping_class
    mapping = mapping_class(ProgrammePage).get_mapping()
    properties = mapping["properties"]
    assert any(key.endswith("summary") for key in properties)
    assert "_all_text" in properties


@pytest.mark.django_db
def test_query_body_filters_to_the_language_and_searches_all_text():
    from wagtail.models import Locale

    french = backend("fr")
    locale = Locale.objects.get(language_code="fr")
    queryset = ProgrammePage.objects.live().filter(locale=locale)
    compiler = french.query_compiler_class(queryset, "mécanismes nationaux")
    body = compiler.get_query()
    text = str(body)
    assert "mécanismes nationaux" in text
    assert str(locale.pk) in text
    assert "live" in text


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set: no server")
@pytest.mark.django_db
def test_against_a_live_server(site_tree):
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    call_command("reindex", locale="fr", verbosity=0)
    results = get_search_backend("fr").search("plaidoyer", ProgrammePage.objects.live())
    assert site_tree["fr"]["programme"].pk in {page.pk for page in results}
