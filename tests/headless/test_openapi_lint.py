"""Redocly's recommended ruleset finds no error in the OpenAPI document.

Redocly CLI is an npm package (package.json, package-lock.json; `make install-dev`
installs it with `npm ci`). Without Node.js or without it installed the test is
skipped, except in CI (CI=true), where it fails: the lint must run there.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from headless.api import api

# Database-independent: the OpenAPI document is built from code, not rows.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parents[2]
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"


def redocly():
    missing = (
        "Node.js is not installed"
        if shutil.which("node") is None
        else None
        if REDOCLY.exists()
        else "Redocly CLI is not installed: run `npm ci`"
    )
    if missing is None:
        return str(REDOCLY)
    if os.environ.get("CI"):
        pytest.fail(missing)
    pytest.skip(missing)


def lint(document, tmp_path):
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document, cls=DjangoJSONEncoder))
    completed = subprocess.run(
        [redocly(), "lint", "--extends=recommended", "--format=json", "--max-problems=10000", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    return json.loads(completed.stdout)["problems"]


def test_the_recommended_ruleset_finds_no_error(tmp_path):
    problems = lint(api.get_openapi_schema(), tmp_path)
    errors = [
        f"{problem['ruleId']}: {problem['message']} at {problem['location'][0]['pointer']}"
        for problem in problems
        if problem["severity"] == "error"
    ]

    assert errors == []


def test_the_lint_reports_an_error_it_is_shown(tmp_path):
    """The check can fail: a trailing-slash path, as v3 writes them, is an error."""
    document = json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
    document["paths"]["/api/v3/route/"] = document["paths"].pop("/api/v3/route")

    problems = lint(document, tmp_path)

    assert [problem["ruleId"] for problem in problems if problem["severity"] == "error"] == [
        "no-path-trailing-slash"
    ]
