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


@pytest.mark.django_db
def test_query_body_for_gendered_forms_and_identifier_parts():
    from wagtail.models import Locale

    from search.query import backend_query, candidate_pages

    french = backend("fr")
    queryset = candidate_pages(Locale.objects.get(language_code="fr"))
    body = str(french.query_compiler_class(queryset, backend_query("défenseuses A/RES/53", "fr")).get_query())
    assert "défenseuses" in body and "défenseurs" in body
    assert "A RES 53" in body and "match_phrase" in body


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set: no server")
@pytest.mark.django_db
def test_against_a_live_server(site_tree):
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    # The test prefix: a run never rebuilds the dev or production indexes.
    assert get_search_backend("fr").get_index_for_model(ProgrammePage).name.startswith("pi-test-fr-")
    call_command("reindex", locale="fr", verbosity=0)
    results = get_search_backend("fr").search("plaidoyer", ProgrammePage.objects.live())
    assert site_tree["fr"]["programme"].pk in {page.pk for page in results}


@pytest.mark.parametrize("version", [7, "7", "abc", ""])
def test_an_unsupported_version_is_a_clear_configuration_error(version):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_VERSION.*use one of 8, 9"):
        search_backends(["en"], elasticsearch_url="https://es.example:9200", elasticsearch_version=version)
    with pytest.raises(ImproperlyConfigured, match="OPENSEARCH_VERSION.*use one of 2, 3"):
        search_backends(["en"], opensearch_url="https://os.example:9200", opensearch_version=version)


def test_the_test_settings_never_touch_the_dev_indexes(monkeypatch):
    import importlib

    from website.settings import env
    from website.settings import test as test_settings

    monkeypatch.setattr(env, "ELASTICSEARCH_URL", "http://localhost:9200")
    try:
        backends = importlib.reload(test_settings).WAGTAILSEARCH_BACKENDS
    finally:
        monkeypatch.undo()
        importlib.reload(test_settings)
    assert backends["fr"]["INDEX_PREFIX"] == "pi-test-fr-"


@pytest.fixture
def unreachable_server(settings):
    # Port 9 (discard) on the loopback interface: the connection is refused at once.
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        [code for code, _name in settings.LANGUAGES],
        elasticsearch_url="http://127.0.0.1:9",
        index_prefix="pi-test",
    )


@pytest.mark.django_db
def test_an_unreachable_server_gives_a_503_page_not_a_traceback(client, unreachable_server, caplog):
    response = client.get("/en/search/", {"q": "protection"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Search is unavailable at the moment" in html and 'name="q" value="protection"' in html
    assert "Traceback" not in html
    assert "did not answer" in caplog.text
    suggestions = client.get("/en/search/suggest/", {"q": "prot"})
    assert suggestions.status_code == 503 and suggestions.json()["suggestions"] == []
    api = client.get("/api/v3/search/", {"q": "protection", "locale": "en"})
    assert api.status_code == 503 and api.json()["detail"]


@pytest.mark.django_db
def test_query_body_searches_every_synonym_of_the_group():
    from wagtail.models import Locale

    from search.query import backend_query, candidate_pages

    french = backend("fr")
    queryset = candidate_pages(Locale.objects.get(language_code="fr"))
    body = str(
        french.query_compiler_class(queryset, backend_query("lignes directrices UE", "fr")).get_query()
    )
    assert "orientations" in body and "lignes directrices" in body
    assert "Union européenne" in body and "match_phrase" in body


@pytest.mark.django_db
def test_the_fuzzy_fallback_asks_the_server_for_fuzziness_and_keeps_symbols_exact(monkeypatch):
    from wagtail.models import Locale

    from search import query as search_query

    english = backend("en")
    sent = []

    class Captured(Exception):
        pass

    def capture(search_query_object, queryset):
        sent.append(english.query_compiler_class(queryset, search_query_object).get_query())
        raise Captured

    monkeypatch.setattr(english, "search", capture)
    monkeypatch.setattr(search_query, "get_search_backend", lambda language: english)
    with pytest.raises(Captured):
        search_query.fuzzy_ids(["raporteur", "A/RES/53/144"], "en", Locale.objects.get(language_code="en"))
    body = str(sent[0])
    assert "'fuzziness': 'AUTO'" in body and "raporteur" in body
    assert "'query': 'raporteur'" in body
    assert "A RES 53 144" in body
