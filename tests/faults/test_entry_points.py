"""The server's entry points fail closed when DJANGO_SETTINGS_MODULE is forgotten.

`gunicorn website.wsgi` (or an ASGI server on website.asgi) started without the
variable must not run the development settings (DEBUG pages with the settings,
the repository's dev SECRET_KEY): it gets production, which refuses to start
without its security settings. manage.py stays a developer tool on dev settings.
Each case runs in a subprocess, the way a server imports the module.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

# Database-independent: entry points are started as subprocesses, before any database.
pytestmark = pytest.mark.database_independent

# Variables a shell may carry that would decide the outcome for the test.
CLEARED = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "DEBUG")


def python(code, **environment):
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


REPORT = "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"


@pytest.mark.parametrize("module", ["website.wsgi", "website.asgi"])
def test_server_entry_point_without_settings_module_refuses_to_start_without_a_secret_key(module):
    result = python(f"import {module}")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("module", ["website.wsgi", "website.asgi"])
def test_server_entry_point_without_settings_module_runs_production(module):
    result = python(
        f"import {module}; {REPORT}",
        SECRET_KEY="s3cret",
        ALLOWED_HOSTS="example.org",
        EMAIL_URL="smtp://mail.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["website.settings.production", "False"]


@pytest.mark.parametrize("module", ["website.wsgi", "website.asgi"])
def test_server_entry_point_keeps_an_explicit_settings_module(module):
    result = python(f"import {module}; {REPORT}", DJANGO_SETTINGS_MODULE="website.settings.test")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["website.settings.test", "False"]


def test_manage_py_stays_on_development_settings():
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", REPORT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["website.settings.dev", "True"]
