"""Pages are translated with wagtail-localize only: no second, different "Translate" action."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import translation

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def translate_links(client, url):
    with translation.override("en"):
        response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(
        (link.get_text(" ", strip=True), link["href"])
        for link in soup.select("a[href]")
        if "translat" in link.get_text(" ", strip=True).lower() or "translat" in link["href"]
    )


def test_a_superuser_is_offered_only_wagtail_localizes_translate_action(admin_client, site_tree):
    # Not translated yet: both apps offer "Translate" only while a language is missing.
    programme = ProgrammePageFactory(parent=site_tree["en"]["index"], title="Protection desks", slug="desks")
    localize = reverse("wagtail_localize:submit_page_translation", args=[programme.pk])
    in_listing = translate_links(
        admin_client, reverse("wagtailadmin_explore", args=[site_tree["en"]["index"].pk])
    )
    in_editor = translate_links(admin_client, reverse("wagtailadmin_pages:edit", args=[programme.pk]))
    assert in_editor == [("Translate this page", localize)]
    # The listing also offers it for the index and its home, which the test tree has in three
    # of the five content languages: wagtail-localize's action each time.
    assert ("Translate this page", localize) in in_listing
    submit_page = reverse("wagtail_localize:submit_page_translation", args=[0]).removesuffix("0/")
    assert all(label == "Translate this page" and url.startswith(submit_page) for label, url in in_listing)


def test_wagtails_simple_translation_is_not_installed():
    assert not apps.is_installed("wagtail.contrib.simple_translation")


def test_the_migration_removes_what_simple_translation_left_in_a_database(django_user_model):
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    remove_simple_translation = import_module("website.migrations.0005_remove_simple_translation")
    content_type = ContentType.objects.create(app_label="simple_translation", model="simpletranslation")
    permission = Permission.objects.create(
        content_type=content_type, codename="submit_translation", name="Can submit translations"
    )
    group = Group.objects.create(name="Old translators")
    group.permissions.add(permission)
    with connection.cursor() as cursor:
        cursor.execute('CREATE TABLE "simple_translation_simpletranslation" (id integer PRIMARY KEY)')

    # What RunPython hands the function, minus the transaction handling SQLite refuses inside a test's.
    schema_editor = SimpleNamespace(
        connection=connection, execute=connection.cursor().execute, quote_name=connection.ops.quote_name
    )
    remove_simple_translation.remove_simple_translation(django_apps, schema_editor)

    assert not ContentType.objects.filter(app_label="simple_translation").exists()
    assert not group.permissions.exists()
    assert "simple_translation_simpletranslation" not in connection.introspection.table_names()
