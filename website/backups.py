"""Backups: the database and the uploaded files, written to one folder and restored from it.

`make backup` (`manage.py backup`) writes `<folder>/<UTC time>/` with
`database.dump` (PostgreSQL, `pg_dump`'s custom format) or `database.sqlite3`
(SQLite's online backup: consistent while the site writes), and `media.tar.gz`
(MEDIA_ROOT as `media/`, PRIVATE_MEDIA_ROOT as `private_media/`; with MEDIA_BUCKET
set, every object of the bucket as `bucket/`, read through the site's storage).
`make restore` (`manage.py restore`) puts one back into the database that
DATABASE_URL names, which must be fresh (no tables): a restore never mixes two
sites' rows. The files are unpacked into MEDIA_ROOT and PRIVATE_MEDIA_ROOT, or
written back into the bucket under their own names.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db import connection

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar.gz"
# The folder of media.tar.gz that holds the bucket's objects, under their own names.
BUCKET = "bucket"


def bucket_storage():
    """The site's storage when uploads live in a bucket (MEDIA_BUCKET), else None."""
    storage = storages["default"]
    return None if isinstance(storage, FileSystemStorage) else storage


def stored_names(storage, folder=""):
    """Every file's name in the storage, folder by folder (S3 lists a prefix per call)."""
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for child in folders:
        yield from stored_names(storage, f"{folder}{child}/")


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


def sqlite_copy(source, target, seconds=30):
    """Copy one SQLite connection's database into another with SQLite's backup API.

    Python retries a busy step forever: a copy from or into a connection in the middle
    of its own write would never end, and another process's long write would hang a
    backup. The first is refused at once, the second after `seconds`.
    """
    if source.in_transaction or target.in_transaction:
        raise CommandError("The database cannot be copied while its own connection is writing to it.")
    deadline = time.monotonic() + seconds

    def give_up_when_busy_too_long(status, _remaining, _total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise CommandError(f"The database stayed busy for {seconds} s: try again when writes are fewer.")

    source.backup(target, pages=1024, progress=give_up_when_busy_too_long)


def back_up(folder):
    """Write a backup into a new folder under `folder`; return its path."""
    target = Path(folder) / datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    target.mkdir(parents=True)
    back_up_database(target)
    back_up_media(target)
    return target


def back_up_database(target):
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
            sqlite_copy(connection.connection, copy)
        copy.close()
    else:
        raise CommandError(f"No backup for {connection.vendor} databases.")


def back_up_media(target):
    with tarfile.open(target / MEDIA, "w:gz") as archive:
        if storage := bucket_storage():
            for name in stored_names(storage):
                with storage.open(name) as stored, tempfile.TemporaryFile() as copy:
                    shutil.copyfileobj(stored, copy)
                    member = tarfile.TarInfo(f"{BUCKET}/{name}")
                    member.size = copy.tell()
                    copy.seek(0)
                    archive.addfile(member, copy)
            return
        for root, name in ((settings.MEDIA_ROOT, "media"), (settings.PRIVATE_MEDIA_ROOT, "private_media")):
            if Path(root).is_dir():
                archive.add(root, arcname=name)


def restore(source):
    """Put the backup in `source` back into the (fresh) database and the media folders."""
    source = Path(source)
    if not (source / MEDIA).is_file():
        raise CommandError(f"{source} holds no backup ({MEDIA} is missing).")
    in_bucket = bool(bucket_storage())
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        kinds = {name.split("/", 1)[0] for name in archive.getnames()}
    if kinds & ({"media", "private_media"} if in_bucket else {BUCKET}):
        raise CommandError(
            f"{source} holds files from {'a local disk' if in_bucket else 'a bucket'}, and this site keeps its "
            f"uploads {'in a bucket (MEDIA_BUCKET)' if in_bucket else 'on its disk'}: restore with the "
            "backup's own MEDIA_BUCKET setting, then copy the files across."
        )
    if connection.introspection.table_names():
        raise CommandError(
            f"The database {connection.settings_dict['NAME']} is not empty: restore into a fresh one "
            "(createdb, or a new SQLite file in DATABASE_URL)."
        )
    restore_database(source)
    restore_media(source)


def restore_database(source):
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


def restore_media(source):
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        if storage := bucket_storage():
            restore_into_bucket(archive, storage)
            return
        roots = {"media": settings.MEDIA_ROOT, "private_media": settings.PRIVATE_MEDIA_ROOT}
        for name, root in roots.items():
            members = [member for member in archive.getmembers() if member.name.startswith(f"{name}/")]
            for member in members:
                member.name = member.name.removeprefix(f"{name}/")
            Path(root).mkdir(parents=True, exist_ok=True)
            # The "data" filter refuses absolute paths, links out of the folder and device files.
            archive.extractall(root, members=members, filter="data")


def restore_into_bucket(archive, storage):
    """Each `bucket/` file of the archive back under its own name (a file there already is replaced)."""
    for member in archive.getmembers():
        if not (member.isfile() and member.name.startswith(f"{BUCKET}/")):
            continue
        name = member.name.removeprefix(f"{BUCKET}/")
        storage.delete(name)  # the bucket's storage never overwrites: it would rename the copy
        saved = storage.save(name, File(archive.extractfile(member), name=name))
        if saved != name:
            raise CommandError(f"{name} was stored as {saved}: the bucket changed during the restore.")
