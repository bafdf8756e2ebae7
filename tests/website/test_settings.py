import os
import subprocess
import sys

import pytest

IMPORT_PRODUCTION = "import django; django.setup()"


def run_with(environment):
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(environment, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run([sys.executable, "-c", IMPORT_PRODUCTION], env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("environment", "missing"),
    [({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"), ({"SECRET_KEY": "s3cret"}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_security_settings(environment, missing):
    result = run_with(environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_starts_with_security_settings():
    result = run_with({"SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr


def test_production_never_allows_demo_content():
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "s",
            "ALLOWED_HOSTS": "x",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not allowed" in result.stderr
