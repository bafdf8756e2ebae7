"""Interface catalogues are complete and in step with the sources.

makemessages runs into a temporary copy of locale/, and its msgids are
compared with the committed catalogues: a msgid missing from a catalogue,
an obsolete one, an untranslated or fuzzy entry, or a catalogue msgfmt
rejects, fails the test.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

# Database-independent: catalogues are files.
pytestmark = pytest.mark.database_independent

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """makemessages' view of the sources, run in a copy of the project so that
    the committed catalogues are never touched."""
    project = tmp_path_factory.mktemp("project") / "copy"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "static_collected", "*.sqlite3", "__pycache__"
        ),
    )
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *[f"--locale={code}" for code in LANGUAGES],
            "--no-obsolete",
            "--ignore=tests",
            "--ignore=node_modules",
            "-v0",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    return project / "locale"


def msgids(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_msgid_from_the_sources_and_no_obsolete_ones(regenerated, language):
    committed = msgids(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    fresh = msgids(regenerated / language / "LC_MESSAGES" / "django.po")
    assert sorted(fresh - committed) == [], "run makemessages: these msgids are missing"
    assert sorted(committed - fresh) == [], "these msgids are no longer in the sources"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_fully_translated_and_compiles(language, tmp_path):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert [entry.msgid for entry in catalogue.obsolete_entries()] == []
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
