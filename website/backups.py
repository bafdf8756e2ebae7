"""Backups: the database and the uploaded files, written to one folder and restored from it.

`make backup` (`manage.py backup`) writes `<folder>/<UTC time>/` with
`database.dump` (PostgreSQL, `pg_dump`'s custom format) or `database.sqlite3`
(SQLite's online backup: consistent while the site writes), and `media.tar.gz`
(MEDIA_ROOT as `media/`, PRIVATE_MEDIA_ROOT as `private_media/`).
`make restore` (`manage.py restore`) puts one back into the database that
DATABASE_URL names, which must be fresh (no tables): a restore never mixes two
sites' rows. The files are unpacked into MEDIA_ROOT and PRIVATE_MEDIA_ROOT.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar.gz"


def postgres_environment():
    """libpq's variables for the site's database (the password never on a command line)."""
    database = connection.settings_dict
    values = {
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def run(command):
    result = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up(folder):
    """Write a backup into a new folder under `folder`; return its path."""
    target = Path(folder) / datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    target.mkdir(parents=True)
    if connection.vendor == "postgresql":
        run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target / POSTGRES_DUMP}",
            ]
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target / SQLITE_COPY)
        with copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        raise CommandError(f"No backup for {connection.vendor} databases.")
    with tarfile.open(target / MEDIA, "w:gz") as archive:
        for root, name in ((settings.MEDIA_ROOT, "media"), (settings.PRIVATE_MEDIA_ROOT, "private_media")):
            if Path(root).is_dir():
                archive.add(root, arcname=name)
    return target


def restore(source):
    """Put the backup in `source` back into the (fresh) database and the media folders."""
    source = Path(source)
    if not (source / MEDIA).is_file():
        raise CommandError(f"{source} holds no backup ({MEDIA} is missing).")
    if connection.introspection.table_names():
        raise CommandError(
            f"The database {connection.settings_dict['NAME']} is not empty: restore into a fresh one "
            "(createdb, or a new SQLite file in DATABASE_URL)."
        )
    if connection.vendor == "postgresql":
        if not (source / POSTGRES_DUMP).is_file():
            raise CommandError(f"{source} holds no PostgreSQL dump ({POSTGRES_DUMP}).")
        run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source / POSTGRES_DUMP),
            ]
        )
    elif connection.vendor == "sqlite":
        if not (source / SQLITE_COPY).is_file():
            raise CommandError(f"{source} holds no SQLite database ({SQLITE_COPY}).")
        connection.close()
        shutil.copyfile(source / SQLITE_COPY, connection.settings_dict["NAME"])
    else:
        raise CommandError(f"No restore for {connection.vendor} databases.")
    roots = {"media": settings.MEDIA_ROOT, "private_media": settings.PRIVATE_MEDIA_ROOT}
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        for name, root in roots.items():
            members = [member for member in archive.getmembers() if member.name.startswith(f"{name}/")]
            for member in members:
                member.name = member.name.removeprefix(f"{name}/")
            Path(root).mkdir(parents=True, exist_ok=True)
            # The "data" filter refuses absolute paths, links out of the folder and device files.
            archive.extractall(root, members=members, filter="data")
