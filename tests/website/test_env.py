"""Links in review mails lead to the address the site is served on; canonical URLs follow the request."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_URLS = (
    "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL, settings.CANONICAL_BASE_URL)"
)
BASE_URL_VARIABLES = ("SITE_BASE_URL", "ADMIN_BASE_URL", "PORT")


def environment(**variables):
    env = {key: value for key, value in os.environ.items() if key not in BASE_URL_VARIABLES}
    return {**env, "DJANGO_SETTINGS_MODULE": "website.settings.dev", **variables}


def urls_with(**variables):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_URLS], env=environment(**variables), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("variables", "admin", "canonical"),
    [
        ({}, "http://127.0.0.1:8000", "None"),
        ({"ADMIN_BASE_URL": "http://127.0.0.1:8081"}, "http://127.0.0.1:8081", "None"),
        ({"SITE_BASE_URL": "https://www.example.org"}, "https://www.example.org", "https://www.example.org"),
    ],
)
def test_mails_and_canonical_urls_take_their_base_from_the_environment(variables, admin, canonical):
    assert urls_with(**variables) == [admin, canonical]


def runserver_line(**variables):
    result = subprocess.run(
        ["make", "--dry-run", "run", *[f"{name}={value}" for name, value in variables.items()]],
        cwd=settings.BASE_DIR,
        env=environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if "manage.py runserver" in line]
    return line


def test_make_run_sends_review_mails_to_the_port_it_serves():
    line = runserver_line(PORT="8081")
    assert line.startswith('ADMIN_BASE_URL="http://127.0.0.1:8081" ')
    assert line.endswith("runserver 127.0.0.1:8081")
    assert "SITE_BASE_URL" not in line  # canonical URLs keep following the request


def test_make_run_keeps_an_explicit_public_address_for_mails():
    assert runserver_line(PORT="8081", SITE_BASE_URL="https://www.example.org").startswith(
        'ADMIN_BASE_URL="https://www.example.org" '
    )
