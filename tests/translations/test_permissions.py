"""The role matrix: each role × each action × each language, by policy and through the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.views import edit_translation

from programmes.factories import InstitutionFactory, ProgrammePageFactory
from programmes.models import ProgrammePage
from tests.search.test_pdf import pdf_bytes
from website.demo import translate

from .conftest import ROLE_GROUPS, assert_refused, login

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")
ACTIONS = ("add", "edit", "publish", "delete", "translate")
EVERYTHING = {language: set(ACTIONS) for language in LANGUAGES}
NOTHING = {language: set() for language in LANGUAGES}
EXPECTED = {
    # Editors write the source language and hand it to moderators.
    "editor": {**NOTHING, "en": {"add", "edit", "delete", "translate"}},
    "moderator": EVERYTHING,
    # Translators work in their language only, never publish, never delete.
    "translator-fr": {**NOTHING, "fr": {"add", "edit", "translate"}},
    "translator-es": {**NOTHING, "es": {"add", "edit", "translate"}},
}


@pytest.fixture
def world(roles, users):
    """Per language: the index, a live programme, a draft, and a translated snippet."""
    institution = InstitutionFactory(name="Parliaments")
    names = {"en": "Parliaments", "fr": "Parlements", "es": "Parlamentos"}
    snippets = {"en": institution}
    for language in ("fr", "es"):
        snippets[language] = translate(institution, {"name": names}, language)
    return {
        language: {
            "index": roles[language]["index"],
            "programme": roles[language]["programme"],
            "snippet": snippets[language],
        }
        for language in LANGUAGES
    }


def draft_owned_by(user, index):
    # Wagtail lets the owner of a draft delete it with "add" alone: the case to catch.
    return ProgrammePageFactory(parent=index, live=False, owner=user, title=f"Draft by {user.username}")


def policy_matrix(user, world):
    matrix = {}
    page_policy = policy_registry.get_by_type(Page)
    for language, objects in world.items():
        programme = objects["programme"]
        tester = programme.permissions_for_user(user)
        allowed = {
            "add": objects["index"].permissions_for_user(user).can_add_subpage(),
            "edit": tester.can_edit()
            and page_policy.user_has_permission_for_instance(user, "change", programme),
            "publish": tester.can_publish(),
            "delete": draft_owned_by(user, objects["index"]).permissions_for_user(user).can_delete(),
            "translate": edit_translation.user_can_edit_instance(user, objects["snippet"]),
        }
        matrix[language] = {action for action, ok in allowed.items() if ok}
    return matrix


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_role_matrix_by_permission_policy(role, users, world):
    assert policy_matrix(users[role], world) == EXPECTED[role]


def allowed(response):
    if response.status_code == 200:
        return True
    assert_refused(response)
    return False


def publish_through_edit_view(client, page):
    new_title = f"{page.title} (published by test)"
    data = nested_form_data(
        {
            "title": new_title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "people": streamfield([]),  # the programme page's people (people/)
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if response.status_code != 302 or response["Location"] == reverse("wagtailadmin_home"):
        return False
    # Without publishing rights Wagtail saves a draft instead: only the live title tells.
    return ProgrammePage.objects.get(pk=page.pk).title == new_title


def view_matrix(client, user, world):
    login(client, user)
    matrix = {}
    for language, objects in world.items():
        index, programme, snippet = objects["index"], objects["programme"], objects["snippet"]
        draft = draft_owned_by(user, index)
        results = {
            "add": allowed(
                client.get(reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", index.pk]))
            ),
            "edit": allowed(client.get(reverse("wagtailadmin_pages:edit", args=[programme.pk]))),
            "delete": allowed(client.get(reverse("wagtailadmin_pages:delete", args=[draft.pk]))),
            "translate": allowed(
                client.get(reverse("wagtailsnippets_programmes_institution:edit", args=[snippet.pk]))
            ),
            "publish": publish_through_edit_view(client, programme),
        }
        if not results["delete"]:
            client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
            assert Page.objects.filter(pk=draft.pk).exists()
        matrix[language] = {action for action, ok in results.items() if ok}
    return matrix


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_role_matrix_through_the_admin_views(client, role, users, world):
    assert view_matrix(client, users[role], world) == EXPECTED[role]


def test_translator_cannot_touch_another_languages_snippet_through_the_segment_editor_api(
    client, users, world
):
    from wagtail_localize.models import StringSegment, Translation

    spanish = world["es"]["snippet"]
    translation = Translation.objects.get(
        source__object_id=spanish.translation_key, target_locale=spanish.locale
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    login(client, users["translator-fr"])
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Pirate",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert_refused(response)

    login(client, users["translator-es"])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200


def test_editor_cannot_publish_translations_by_syncing(client, users, world):
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=world["en"]["snippet"].translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    login(client, users["editor"])
    assert_refused(client.post(url, {"publish_translations": "on"}))
    # Syncing without publishing stays open to editors.
    response = client.post(url, {})
    assert response.status_code == 302
    assert response["Location"] != reverse("wagtailadmin_home")


# Images, documents and promoted search results ---------------------------------------------------

MEDIA_ACTIONS = ("list", "upload", "edit", "delete", "choose")
MEDIA_EXPECTED = {
    # Communications staff and moderators manage the media library.
    "editor": set(MEDIA_ACTIONS),
    "moderator": set(MEDIA_ACTIONS),
    # Translators may pick another image or document for their language, nothing more.
    "translator-fr": {"choose"},
    "translator-es": {"choose"},
}


def media_matrix(client, user):
    from wagtail.models import Collection

    from website.factories import CustomDocumentFactory, CustomImageFactory

    login(client, user)
    root = Collection.get_first_root_node()
    matrix = {}
    for app, item in (
        ("images", CustomImageFactory(collection=root)),
        ("docs", CustomDocumentFactory(collection=root)),
    ):
        results = {
            "list": allowed(client.get(reverse(f"wagtail{app}:index"))),
            "upload": allowed(client.get(reverse(f"wagtail{app}:add_multiple"))),
            "edit": allowed(client.get(reverse(f"wagtail{app}:edit", args=[item.pk]))),
            "delete": allowed(client.get(reverse(f"wagtail{app}:delete", args=[item.pk]))),
            "choose": allowed(client.get(reverse(f"wagtail{app}_chooser:choose"))),
        }
        deleted = client.post(reverse(f"wagtail{app}:delete", args=[item.pk]))
        assert type(item).objects.filter(pk=item.pk).exists() != (
            deleted.status_code == 302 and deleted["Location"] != reverse("wagtailadmin_home")
        )
        matrix[app] = {action for action, ok in results.items() if ok}
        assert results["delete"] == (not type(item).objects.filter(pk=item.pk).exists())
    assert matrix["images"] == matrix["docs"], matrix
    return matrix["images"]


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_media_matrix_through_the_admin_views(client, role, users, roles):
    assert media_matrix(client, users[role]) == MEDIA_EXPECTED[role]


def test_editors_upload_images_and_documents_through_the_admin(client, users, roles):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import UploadedFile

    from website.models import CustomDocument

    login(client, users["editor"])
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("defenders.png", get_test_image_file().file.getvalue())},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    # The image waits for its alt text (a required field) as an uploaded file.
    assert UploadedFile.objects.filter(uploaded_by_user=users["editor"]).exists()
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("manual.pdf", pdf_bytes("Protection manual"))},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"], response.content
    assert CustomDocument.objects.filter(uploaded_by_user=users["editor"]).exists()


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_editors_and_moderators_manage_promoted_search_results(client, role, users, roles):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    login(client, users[role])
    may = role in ("editor", "moderator")
    assert allowed(client.get(reverse("wagtailsearchpromotions:index"))) == may
    assert allowed(client.get(reverse("wagtailsearchpromotions:add"))) == may
    if may:
        assert allowed(client.get(reverse("wagtailsearchpromotions:chooser")))  # the popular queries
    page = roles["en"]["programme"]
    response = client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "protection manual",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": page.pk,
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "The manual",
            "editors_picks-0-ORDER": "0",
        },
    )
    promoted = SearchPromotion.objects.filter(query__query_string="protection manual").first()
    assert (promoted is not None) == may, response
    if may:
        query = Query.objects.get(query_string="protection manual")
        response = client.post(reverse("wagtailsearchpromotions:delete", args=[query.pk]))
        assert not SearchPromotion.objects.filter(pk=promoted.pk).exists()


# Unpublish, move, copy, lock, revert; snippet add and delete ---------------------------------------

MORE_ACTIONS = ("unpublish", "move", "copy", "lock", "revert", "snippet_add", "snippet_delete")
MORE_EVERYTHING = {language: set(MORE_ACTIONS) for language in LANGUAGES}
MORE_EXPECTED = {
    # Editors may copy and revert (both only make drafts) and manage snippets, in English.
    "editor": {**NOTHING, "en": {"copy", "revert", "snippet_add", "snippet_delete"}},
    "moderator": MORE_EVERYTHING,
    # Translators copy (a draft, like "add") and revert (a draft, like "edit") in their language only.
    "translator-fr": {**NOTHING, "fr": {"copy", "revert"}},
    "translator-es": {**NOTHING, "es": {"copy", "revert"}},
}


def more_actions_matrix(client, user, world):
    login(client, user)
    matrix = {}
    for language, objects in world.items():
        programme, snippet = objects["programme"], objects["snippet"]
        earlier = programme.save_revision()
        programme.save_revision()  # something to revert to `earlier` from
        client.post(reverse("wagtailadmin_pages:lock", args=[programme.pk]))
        locked = Page.objects.get(pk=programme.pk).locked
        if locked:
            Page.objects.filter(pk=programme.pk).update(locked=False, locked_by=None, locked_at=None)
        snippets = "wagtailsnippets_programmes_institution"
        results = {
            "unpublish": allowed(client.get(reverse("wagtailadmin_pages:unpublish", args=[programme.pk]))),
            "move": allowed(client.get(reverse("wagtailadmin_pages:move", args=[programme.pk]))),
            "copy": allowed(client.get(reverse("wagtailadmin_pages:copy", args=[programme.pk]))),
            "lock": locked,
            "revert": allowed(
                client.get(reverse("wagtailadmin_pages:revisions_revert", args=[programme.pk, earlier.pk]))
            ),
            "snippet_add": allowed(client.get(reverse(f"{snippets}:add"), {"locale": language})),
            "snippet_delete": allowed(client.get(reverse(f"{snippets}:delete", args=[snippet.pk]))),
        }
        matrix[language] = {action for action, ok in results.items() if ok}
    return matrix


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_more_page_and_snippet_actions_through_the_admin_views(client, role, users, world):
    assert more_actions_matrix(client, users[role], world) == MORE_EXPECTED[role]
