import json
import os
import socket
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.signing import TimestampSigner
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from website.frontend_preview import SIGNER_SALT, load_preview, store_preview
from website.models import User

pytestmark = pytest.mark.django_db

FRONTEND = "https://front.example.org"


def token_from(response):
    assert response.status_code == 302
    assert response["Location"].startswith(f"{FRONTEND}/preview/?token=")
    return parse_qs(urlsplit(response["Location"]).query)["token"][0]


def edit_index_preview(client, index, title):
    """Preview unsaved edits of the programme index through the admin, as an editor does."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[index.pk])
    data = nested_form_data(
        {
            "title": title,
            "slug": index.slug,
            "introduction": rich_text("<p>Unsaved introduction.</p>"),
            "institutions_heading": "Who we lobby",
            "listing_summary": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    assert client.post(url, data).json()["is_valid"] is True
    return client.get(url)


@override_settings(FRONTEND_URL=FRONTEND)
def test_admin_preview_sends_the_editor_to_the_front_end_with_the_draft(client, api_get, site_tree):
    index = site_tree["fr"]["index"]
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "unused-password"))

    token = token_from(edit_index_preview(client, index, "Plaidoyer (brouillon)"))
    client.logout()
    response = api_get("/api/v3/preview/", token=token)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert "ETag" not in response
    data = response.json()
    assert set(data) == {"page", "head", "breadcrumbs", "translations", "redirect", "view"}
    assert data["head"]["robots"] == "noindex, nofollow"
    assert data["page"]["id"] == index.pk
    assert data["page"]["title"] == "Plaidoyer (brouillon)"
    assert "Unsaved introduction." in data["page"]["introduction"]
    assert data["breadcrumbs"][-1]["title"] == "Plaidoyer (brouillon)"
    assert [item["language"] for item in data["translations"]] == ["en", "fr", "es"]
    # Nothing was saved: the public route still gives the published page.
    assert api_get("/api/v3/route/", path=index.url).json()["page"]["title"] == "Plaidoyer international"


def test_without_frontend_url_preview_renders_the_site_templates(client, site_tree):
    index = site_tree["en"]["index"]
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "unused-password"))

    response = edit_index_preview(client, index, "Advocacy draft")

    assert response.status_code == 200
    assert "Advocacy draft" in response.content.decode()


def test_preview_of_a_new_page_has_its_breadcrumbs(api_get, site_tree):
    from programmes.models import ProgrammePage

    index = site_tree["en"]["index"]
    page = ProgrammePage(title="New programme", slug="new", summary="Soon.", locale=index.locale)
    page.depth = index.depth + 1
    page.path = page._get_path(index.path, page.depth, 99)

    data = api_get("/api/v3/preview/", token=store_preview(page)).json()

    assert data["page"]["title"] == "New programme"
    assert data["page"]["id"] == 0
    assert [crumb["title"] for crumb in data["breadcrumbs"]] == [
        "Protection International",
        "International advocacy",
        "New programme",
    ]
    assert data["translations"] == []


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        "abc:def:ghi",
        TimestampSigner(salt="another-purpose").sign("key"),
        TimestampSigner(salt=SIGNER_SALT).sign("no-such-preview"),
    ],
    ids=[
        "forged",
        "malformed",
        "signed-for-another-purpose",
        "unknown-preview",
    ],  # stable: signatures hold the time
)
def test_forged_or_unknown_tokens_are_403(api_get, site_tree, token):
    response = api_get("/api/v3/preview/", token=token)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_expired_token_is_403(api_get, site_tree, settings):
    token = store_preview(site_tree["en"]["programme"])
    assert load_preview(token).pk == site_tree["en"]["programme"].pk
    settings.HEADLESS_PREVIEW_MAX_AGE = -1  # every token is now older than allowed

    assert api_get("/api/v3/preview/", token=token).status_code == 403


def content_security_policies(frontend_url):
    """The admin's and the public site's policies, as the settings build them from the environment."""
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.SECURE_CSP_ADMIN, settings.SECURE_CSP]))"
    )
    env = {**os.environ, "FRONTEND_URL": frontend_url, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_with_frontend_url_the_admin_preview_panel_may_frame_the_front_end(client, site_tree):
    admin_policy, public_policy = content_security_policies(FRONTEND)
    index = site_tree["en"]["index"]
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "unused-password"))

    with override_settings(FRONTEND_URL=FRONTEND, SECURE_CSP_ADMIN=admin_policy, SECURE_CSP=public_policy):
        edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[index.pk]))
        client.logout()
        public_page = client.get(index.url)

    assert edit_page.status_code == 200
    assert f"frame-src 'self' {FRONTEND}" in edit_page["Content-Security-Policy"]
    assert "frame-src" not in public_page["Content-Security-Policy"]


REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_reachable(), reason="needs Redis on 127.0.0.1:6379 (CACHE_URL)")
def test_with_cache_url_a_preview_stored_by_one_process_is_read_by_another(api_get, site_tree):
    from django.core.cache.backends.redis import RedisCache

    from website.settings.base import cache_settings

    page = site_tree["fr"]["programme"]
    with override_settings(CACHES=cache_settings(REDIS_URL)):
        token = store_preview(page)
        # A second client of the same Redis, as another web process has.
        other_process = RedisCache(REDIS_URL, {})
        key = TimestampSigner(salt=SIGNER_SALT).unsign(token)
        assert other_process.get(f"headless-preview:{key}") is not None
        response = api_get("/api/v3/preview/", token=token)
        other_process.delete(f"headless-preview:{key}")

    assert response.status_code == 200
    assert response.json()["page"]["id"] == page.pk
