"""GET /healthz (website/health.py): what a load balancer's probe gets."""

import json
import socket

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

import website.cache
import website.health
from tests.website.sitemaps import sitemap_text
from website.settings.base import cache_settings

pytestmark = pytest.mark.django_db


def test_a_healthy_site_answers_200_with_one_query_and_nothing_else(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert response.cookies == {}
    assert "Content-Language" not in response  # no language machinery, no redirect


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["www.example.org"])
def test_a_probe_over_plain_http_by_ip_address_is_answered(client):
    # Load balancers probe the server by its address, over HTTP: neither is refused.
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
    assert (
        client.get("/en/", HTTP_HOST="www.example.org").status_code == 301
    )  # the site itself still redirects


def test_only_get_and_head_no_csrf_token_needed(client):
    assert client.head("/healthz").status_code == 200
    post = client.post("/healthz")
    assert (post.status_code, post["Allow"]) == (405, "GET, HEAD")


def test_not_in_the_sitemap_nor_under_a_language(client, site_tree):
    assert "healthz" not in sitemap_text(client)
    assert client.get("/healthz", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200  # no redirect to /fr/


def test_database_down_is_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "down",
        "cache": "ok",
        "search": "ok",
    }


def test_cache_down_is_reported_without_failing_the_check(client, monkeypatch):
    monkeypatch.setattr(website.cache, "_states", {})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{port}/0")):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "down", "search": "ok"}


class SearchClient:
    def __init__(self, answer):
        self.answer = answer
        self.timeouts = []

    def options(self, request_timeout):
        self.timeouts.append(request_timeout)
        return self

    def ping(self):
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@pytest.mark.parametrize(
    ("answer", "reported"), [(True, "ok"), (False, "down"), (ConnectionError("refused"), "down")]
)
def test_the_search_engine_is_reported_but_never_fails_the_check(client, monkeypatch, answer, reported):
    search = SearchClient(answer)
    monkeypatch.setattr(website.health, "search_client", lambda: search)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "search": reported}
    assert search.timeouts == [website.health.SEARCH_TIMEOUT]  # a probe never waits 10 s


def test_the_database_search_needs_no_search_engine():
    website.health.search_client.cache_clear()
    assert website.health.search_client() is None
