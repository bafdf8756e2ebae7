"""Workaround: on PostgreSQL, modelsearch filters on `title || body` with neither an index nor
statistics for that expression.

modelsearch's PostgreSQL compiler matches `(title || body) @@ query` (its comment says a GIN
index on that expression "is created in a SQL migration", but only the MySQL migration makes
one). Without it the search scans every index row; without statistics the planner guesses that
one row matches, and joins the pages with a nested loop over the whole page table: 20 s for
"human rights defenders" among 10,000 publications once the tables are analysed, 40 ms with
this index and these statistics (benchmarks/search_bench.py). Delete this migration's
operations when modelsearch creates them itself. SQLite skips it.
"""

from django.db import migrations

INDEX = "pi_search_indexentry_title_body_gin"
STATISTICS = "pi_search_indexentry_title_body_stats"


def index_entry_table():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = index_entry_table()
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))")
    # Expression statistics (PostgreSQL 14+) give the planner the share of rows a query matches.
    schema_editor.execute(f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} ON (title || body) FROM {table}")
    schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_unaccented_simple_config"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
