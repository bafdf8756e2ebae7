"""The restore drill: `make backup`, then `make restore` into a fresh database, serves the same pages."""

import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from tests.deploy.servers import BASE_DIR, Gunicorn, database_url, server_environment
from website.backups import sqlite_copy


@pytest.fixture
def fresh_database(test_database, tmp_path, django_db_blocker):
    """The URL of an empty database of the same engine, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"restored_{uuid.uuid4().hex[:12]}"
    source = database_url()
    admin = source.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield source.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*arguments, environment):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        env=environment,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_a_backup_restored_into_a_fresh_database_serves_the_same_pages(
    committed, fresh_database, static_root, tmp_path
):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = ProgrammeIndexPageFactory(parent=home, title="Our programmes", slug="programmes")
    ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    upload = Path(settings.MEDIA_ROOT) / "documents" / "annual-report.txt"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_text("Annual report 2026")
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "images" / "withheld.txt"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text("withheld photo")

    call_command("backup", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()

    restored_media, restored_private = tmp_path / "restored-media", tmp_path / "restored-private"
    environment = server_environment(
        static_root,
        fresh_database,
        MEDIA_ROOT=str(restored_media),
        PRIVATE_MEDIA_ROOT=str(restored_private),
    )
    result = manage("restore", str(backup), environment=environment)
    assert result.returncode == 0, result.stderr
    assert (restored_media / "documents" / "annual-report.txt").read_text() == "Annual report 2026"
    assert (restored_private / "images" / "withheld.txt").read_text() == "withheld photo"

    server = Gunicorn(
        static_root,
        tmp_path,
        fresh_database,
        MEDIA_ROOT=str(restored_media),
        PRIVATE_MEDIA_ROOT=str(restored_private),
    )
    try:
        for path, text in (
            ("/en/programmes/legal-advocacy/", "Legal advocacy"),
            ("/en/programmes/", "Legal advocacy"),
        ):
            status, _headers, body = server.get(path)
            assert status == 200, path
            assert text in body.decode()
    finally:
        server.stop()

    # A second restore into the now full database is refused: two sites' rows never mix.
    again = manage("restore", str(backup), environment=environment)
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_restore_refuses_a_folder_without_a_backup(tmp_path, db):
    with pytest.raises(CommandError, match="holds no backup"):
        call_command("restore", str(tmp_path))


def test_copying_a_sqlite_database_in_the_middle_of_its_own_write_fails_instead_of_hanging(tmp_path):
    source = sqlite3.connect(tmp_path / "site.sqlite3")
    source.execute("CREATE TABLE page (title TEXT)")
    source.commit()
    source.execute("INSERT INTO page VALUES ('draft')")
    with pytest.raises(CommandError, match="while its own connection is writing"):
        sqlite_copy(source, sqlite3.connect(":memory:"))


def test_a_sqlite_database_another_process_keeps_busy_fails_after_the_wait(tmp_path):
    writer = sqlite3.connect(tmp_path / "site.sqlite3", isolation_level=None)
    writer.execute("CREATE TABLE page (title TEXT)")
    writer.execute("BEGIN EXCLUSIVE")
    with pytest.raises(CommandError, match="stayed busy for 0 s"):
        sqlite_copy(sqlite3.connect(tmp_path / "site.sqlite3"), sqlite3.connect(":memory:"), seconds=0)
