"""The seeded synonym groups (search/synonym_seed.py), one per language and idea.

Each row of the seed is one translation key: the French and Spanish groups are
translations of the English one. Languages without a Locale yet get one, as
home/migrations/0004 does for English.
"""

import uuid

from django.db import migrations

from search.synonym_seed import SEED


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for row in SEED:
        key = uuid.uuid4()
        for language, terms in row.items():
            locale, _created = Locale.objects.get_or_create(language_code=language)
            SynonymGroup.objects.create(translation_key=key, locale=locale, terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_synonym_group")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
