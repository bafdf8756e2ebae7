"""setup_roles: creates the roles and corrects a database set up by an earlier version."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, WorkflowContentType

from programmes.models import Institution
from resources.models import Region, ResourceType, Topic
from translations.roles import EDITORS, MODERATORS, WORKFLOW_NAME, setup_roles, translator_group_name
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def media_codenames(group_name):
    return set(
        GroupCollectionPermission.objects.filter(group__name=group_name).values_list(
            "permission__content_type__app_label", "permission__codename"
        )
    )


EDITOR_MEDIA = {
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
}


def test_media_permissions_are_granted_on_the_models_wagtail_checks(site_tree):
    setup_roles()
    assert media_codenames(EDITORS) == EDITOR_MEDIA
    assert media_codenames(MODERATORS) == EDITOR_MEDIA
    assert media_codenames(translator_group_name("fr")) == {
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "choose_document"),
    }


def test_a_database_with_permissions_on_the_custom_models_is_corrected(site_tree):
    setup_roles()
    editors = Group.objects.get(name=EDITORS)
    # What earlier versions granted: rights on website.CustomImage, which Wagtail never asks about.
    GroupCollectionPermission.objects.filter(group=editors).delete()
    custom = ContentType.objects.get_for_model(CustomImage)
    for codename in ("add_customimage", "change_customimage"):
        GroupCollectionPermission.objects.create(
            group=editors,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(content_type=custom, codename=codename),
        )
    changes = setup_roles()
    assert "Editors: image and document permissions" in changes
    assert media_codenames(EDITORS) == EDITOR_MEDIA
    assert setup_roles() == []  # idempotent


def test_search_promotions_are_for_editors_and_moderators(site_tree):
    setup_roles()
    codenames = {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}
    for name, expected in (
        (EDITORS, codenames),
        (MODERATORS, codenames),
        (translator_group_name("es"), set()),
    ):
        granted = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="wagtailsearchpromotions")
            .values_list("codename", flat=True)
        )
        assert granted == expected, name


def test_translatable_snippets_go_through_the_review_workflow(site_tree):
    setup_roles()
    for model in (Institution, ResourceType, Topic, Region):
        link = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(model))
        assert link.workflow.name == WORKFLOW_NAME
        assert model().get_workflow() == link.workflow
    moderators = Group.objects.get(name=MODERATORS)
    assert moderators.permissions.filter(codename="publish_institution").exists()
    assert not Group.objects.get(name=EDITORS).permissions.filter(codename__startswith="publish_").exists()


REDIRECT_CODENAMES = {"add_redirect", "change_redirect", "delete_redirect"}


def redirect_codenames(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="wagtailredirects")
        .values_list("codename", flat=True)
    )


def test_moderators_manage_redirects_and_no_one_else(site_tree):
    setup_roles()
    assert redirect_codenames(MODERATORS) == REDIRECT_CODENAMES
    for name in (EDITORS, translator_group_name("fr"), translator_group_name("es")):
        assert redirect_codenames(name) == set(), name
    assert setup_roles() == []  # idempotent


def test_a_moderator_opens_redirects_from_the_settings_menu(client, site_tree):
    import json

    from bs4 import BeautifulSoup
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    setup_roles()
    moderator = get_user_model().objects.create_user(username="moderator", password="x", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)

    assert client.get(reverse("wagtailredirects:index")).status_code == 200
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    sidebar = json.loads(dashboard.select_one("#wagtail-sidebar-props").string)
    assert reverse("wagtailredirects:index") in json.dumps(sidebar)
