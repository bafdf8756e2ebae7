"""One alt-text field on images: Wagtail's own "description" leaves the form. Where an
editor had written a description and no alt text, the description becomes the alt text,
so that nothing they wrote stops reaching screen readers."""

from django.db import migrations
from django.db.models import F


def description_becomes_alt_text(apps, schema_editor):
    CustomImage = apps.get_model("website", "CustomImage")
    images = CustomImage.objects.using(schema_editor.connection.alias)
    images.filter(alt_text="", decorative=False).exclude(description="").update(alt_text=F("description"))


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0005_remove_simple_translation"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="customimage",
            options={"verbose_name": "image", "verbose_name_plural": "images"},
        ),
        migrations.RunPython(description_becomes_alt_text, migrations.RunPython.noop),
    ]
