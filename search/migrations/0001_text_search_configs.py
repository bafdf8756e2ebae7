"""PostgreSQL text search configurations per language, accent-insensitive.

Each is a copy of PostgreSQL's built-in configuration with `unaccent` before
the stemmer, so "juridica" finds "jurídica" and "mecanismos" finds
"mecanismos"; SQLite has no such configurations and skips this migration.
"""

from django.db import migrations

CONFIGS = {"pi_english": "english", "pi_french": "french", "pi_spanish": "spanish"}


def create_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
        )


def drop_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configs, drop_configs)]
