"""API v3 page writes to a synchronised translation are refused; every write operation is guarded."""

import inspect
import json

import pytest
from django.urls import resolve
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from headless.api import api
from tests.headless.conftest import bearer, user_with_page_permissions
from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_api_translation_writes import (
    ACTIONS_ON_A_COPY,
    PAGE_ROUTER,
    READS,
    refuse_writes_to_translations,
)
from website.models import User

pytestmark = pytest.mark.django_db


def patch(client, page, token_headers, **fields):
    return client.patch(
        f"/api/v3/pages/{page.pk}/", json.dumps(fields), content_type="application/json", **token_headers
    )


def publish(client, page, token_headers):
    return client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **token_headers)


def synchronise(source_page, language):
    """Make `source_page`'s translation into `language` a wagtail-localize synchronised one."""
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    target = source_page.get_translation(Locale.objects.get(language_code=language))
    Translation.objects.create(source=source, target_locale=target.locale, enabled=True)
    return target


def test_a_translators_token_cannot_publish_or_edit_the_source_language(client, site_tree):
    french_home = site_tree["fr"]["home"]
    translator = user_with_page_permissions("traductrice", french_home, "add", "change", "publish")
    token = bearer(translator)
    english = site_tree["en"]["programme"]
    english.title = "Legal advocacy (draft change)"
    english.save_revision()

    published = publish(client, english, token)
    edited = patch(client, english, token, title="Changed by a translator")

    assert published.status_code == 403
    assert edited.status_code == 403
    assert published["Content-Type"] == "application/problem+json"
    english.refresh_from_db()
    assert english.title == "Legal advocacy"
    assert english.live_revision == Page.objects.get(pk=english.pk).live_revision


def test_a_translator_may_edit_a_page_of_their_language_that_is_not_synchronised(client, site_tree):
    french_home = site_tree["fr"]["home"]
    translator = user_with_page_permissions("traductrice", french_home, "add", "change", "publish")
    french = site_tree["fr"]["programme"]

    response = patch(client, french, bearer(translator), meta={"action": "publish"}, summary="Ce qu'il fait.")

    assert response.status_code == 200, response.content
    french.refresh_from_db()
    assert french.summary == "Ce qu'il fait."


def test_writes_to_a_synchronised_translation_are_refused_with_409(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    french = synchronise(site_tree["en"]["programme"], "fr")
    token = bearer(admin)

    responses = [
        patch(client, french, token, title="Forked translation"),
        publish(client, french, token),
        client.post(
            f"/api/v3/pages/{french.pk}/actions/unpublish/", "{}", content_type="application/json", **token
        ),
        client.delete(f"/api/v3/pages/{french.pk}/", **token),
    ]

    assert [response.status_code for response in responses] == [409, 409, 409, 409]
    assert all(response["Content-Type"] == "application/problem+json" for response in responses)
    assert "translation editor" in responses[0].json()["detail"]
    french.refresh_from_db()
    assert french.title == "Plaidoyer juridique" and french.live


def test_the_source_page_of_a_synchronised_translation_stays_writable(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "unused-password")
    english = site_tree["en"]["programme"]
    synchronise(english, "fr")

    response = patch(
        client, english, bearer(admin), meta={"action": "publish"}, title="Legal advocacy and litigation"
    )

    assert response.status_code == 200
    english.refresh_from_db()
    assert english.title == "Legal advocacy and litigation"
    assert site_tree["fr"]["programme"].__class__.objects.get(pk=site_tree["fr"]["programme"].pk).title == (
        "Plaidoyer juridique"
    )


def test_writes_need_a_token(client, site_tree):
    response = patch(client, site_tree["en"]["programme"], {}, title="Anonymous")

    assert response.status_code == 401


def test_a_caller_without_permission_is_told_403_before_any_conflict(client, site_tree):
    french = synchronise(site_tree["en"]["programme"], "fr")
    spanish_home = site_tree["es"]["home"]
    spanish_translator = user_with_page_permissions("traductor", spanish_home, "add", "change", "publish")
    token = bearer(spanish_translator)

    responses = [
        patch(client, french, token, title="Forked translation"),
        publish(client, french, token),
        client.delete(f"/api/v3/pages/{french.pk}/", **token),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert all(response["Content-Type"] == "application/problem+json" for response in responses)
    french.refresh_from_db()
    assert french.title == "Plaidoyer juridique" and french.live


def api_operations():
    """Every operation of the API, as its routers declare it (the views before decorators)."""
    resolve("/api/v3/")  # the URLconf mounts every router
    for _prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield path, operation


def test_every_write_to_an_existing_page_is_guarded_whatever_its_name():
    guarded, unguarded_writes = set(), set()
    for path, operation in api_operations():
        writes = set(operation.methods) - READS
        decorated = refuse_writes_to_translations(operation.view_func)
        if decorated is not operation.view_func:
            guarded.add((path, *operation.methods))
        elif writes and "{page_id}" in path and operation.view_func.__module__ == PAGE_ROUTER:
            unguarded_writes.add(path)
    assert {path.rsplit("/", 2)[-2] for path in unguarded_writes} == ACTIONS_ON_A_COPY
    assert {
        ("/{page_id}/", "PATCH"),
        ("/{page_id}/", "DELETE"),
        ("/{page_id}/actions/publish/", "POST"),
        ("/{page_id}/actions/delete/", "DELETE"),
    } <= guarded
    assert all(methods for _path, *methods in guarded)


def test_canary_v3_page_writes_still_skip_localizes_edit_hook(client, site_tree):
    # wagtail-localize's before_edit_page hook would send the editor of a synchronised
    # translation to the segment editor; API v3's update_page never runs page hooks.
    from wagtail.api.v3.routers import pages

    source = inspect.getsource(pages)
    assert_gap_remains(
        "before_edit_page" not in source,
        gap="API v3 page writes skipping the page hooks (wagtail-localize's before_edit_page)",
        module="wagtail_api_translation_writes",
    )
