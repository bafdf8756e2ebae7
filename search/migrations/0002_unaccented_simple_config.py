"""An accent-insensitive copy of PostgreSQL's `simple` text search configuration.

`pi_simple` is `simple` (lower case, no stemming) with `unaccent` first. The
suggestions (autocomplete) use it, so "legislacion" suggests "Legislación", and
so does a content language PostgreSQL has no configuration for. Titles already
indexed keep their accented autocomplete entries until the next
`manage.py reindex`; SQLite skips this migration (its FTS5 tokenizer folds accents).
"""

from django.db import migrations

NAME = "pi_simple"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {NAME}")
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {NAME} (COPY = simple)")
    schema_editor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {NAME} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
    )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_text_search_configs")]

    operations = [migrations.RunPython(create_config, drop_config)]
