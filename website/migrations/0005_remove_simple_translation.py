"""wagtail.contrib.simple_translation is no longer installed: wagtail-localize is the one
way to translate. Databases that had it keep its empty table, its content type and its
"Can submit translations" permission, which a group may still hold; they go here, so
that no group keeps a right that names an app that is gone."""

from django.db import migrations

APP_LABEL = "simple_translation"


def remove_simple_translation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Deleting the content type deletes its permissions and every group's or user's grant of them.
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label=APP_LABEL).delete()
    table = f"{APP_LABEL}_simpletranslation"
    if table in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_merge_20261125_1045"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_simple_translation, migrations.RunPython.noop)]
