"""Indexes for the library (issue 19): its list sorts by publication date, and `?q=` matches
substrings of titles, summaries, authors, publishers and identifiers.

`icontains` is `UPPER(column::text) LIKE UPPER('%…%')` on PostgreSQL: trigram GIN indexes on
those very expressions (pg_trgm) let it use an index instead of scanning every row. SQLite
has no such index and gets only the date's.
"""

from django.db import migrations, models

TRIGRAM_INDEXES = {
    "resources_page_title_trgm": ("wagtailcore_page", "title"),
    "resources_summary_trgm": ("resources_resourcepage", "summary"),
    "resources_authors_trgm": ("resources_resourcepage", "authors"),
    "resources_publisher_trgm": ("resources_resourcepage", "publisher"),
    "resources_identifier_trgm": ("resources_resourceidentifier", "value"),
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_alter_resourcepage_related_programmes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="resourcepage",
            name="publication_date",
            field=models.DateField(
                db_index=True,
                help_text="If only the year is known, enter 1 January and choose 'Year only'.",
                verbose_name="publication date",
            ),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
