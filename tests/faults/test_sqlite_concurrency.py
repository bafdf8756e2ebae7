"""Two editors saving at the same moment on the embedded SQLite database both succeed.

Before, two parallel API PATCHes (or two admin autosaves) failed one in two with
"database is locked": each save reads, then writes, inside one transaction, and
SQLite refuses the second reader-turned-writer at once instead of letting it wait.
The run uses the project's real settings on a file database (an in-memory one
has no locking to speak of), in a subprocess, with one connection per thread.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

TWO_SAVES = """
import json, threading

import django

django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, editor TEXT)")
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
connection.close()

# Both saves hold their read before either writes, as two simultaneous page
# saves do. With the write lock taken at BEGIN, the second save cannot get past
# BEGIN until the first commits: the first stops waiting for it and goes on.
both_have_read = threading.Barrier(2, timeout=2)
outcome = {}


def save(editor):
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM revision")
                try:
                    both_have_read.wait()
                except threading.BrokenBarrierError:
                    pass
                cursor.execute("INSERT INTO revision (editor) VALUES (%s)", [editor])
        outcome[editor] = "saved"
    except Exception as error:
        outcome[editor] = f"{type(error).__name__}: {error}"
    finally:
        connection.close()


threads = [threading.Thread(target=save, args=(editor,)) for editor in ("alice", "bob")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM revision")
    rows = cursor.fetchone()[0]
print(json.dumps({"outcome": outcome, "rows": rows, "journal_mode": journal_mode}))
"""


def test_two_simultaneous_saves_on_a_sqlite_file_both_succeed(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", TWO_SAVES], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

    report = json.loads(result.stdout)
    assert report["outcome"] == {"alice": "saved", "bob": "saved"}
    assert report["rows"] == 2
    # Readers (the public site) run beside the one writer.
    assert report["journal_mode"] == "wal"


def test_sqlite_options_leave_other_engines_alone():
    from website.settings.base import database_settings

    sqlite = database_settings("sqlite:////srv/pi/db.sqlite3")
    assert sqlite["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert sqlite["OPTIONS"]["timeout"] == 20

    postgres = database_settings("postgres://pi@db.example.org:5432/pi")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert postgres.get("OPTIONS", {}) == {}


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="the suite's own database is PostgreSQL: SQLite's options do not apply to it",
)
def test_the_suites_sqlite_database_takes_the_options():
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
