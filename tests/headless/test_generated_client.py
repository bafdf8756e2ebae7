"""A client generated from the OpenAPI document parses every endpoint's answer for every demo page.

openapi-python-client (requirements-dev.txt) generates the client, as a front-end team
would; its models then parse each answer (in the generator's own interpreter, which has
the client's dependencies): every page by route/ and pages/{id}, and the lists, library,
search, navigation and site in each language. Nothing may be left untyped (a block as a
dict), unknown to the model, or parsed as another page type. Without the generator the
test is skipped, except in CI (CI=true), where it fails.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page

from conftest import demo_site
from headless.api import api
from website.visibility import public_pages

GENERATOR = "openapi-python-client"
CHECK = Path(__file__).with_name("parse_with_generated_client.py")
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
SEARCHES = {"en": "defenders", "fr": "défenseurs", "es": "defensores", "pt": "defensores", "ar": "المدافعين"}

# Database-independent: generated types parse the same JSON on either database (test_contract.py
# checks the API against its schema on both).
pytestmark = [pytest.mark.django_db, pytest.mark.database_independent]


def generator():
    """The generator's executable: next to this interpreter (the project's venv), else on PATH."""
    beside = Path(sys.executable).with_name(GENERATOR)
    found = str(beside) if beside.exists() else shutil.which(GENERATOR)
    if found is None:
        message = f"{GENERATOR} is not installed (requirements-dev.txt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def interpreter_of(executable):
    """The Python that runs a console script (its shebang)."""
    first_line = Path(executable).read_text().splitlines()[0]
    return first_line.removeprefix("#!").strip() if first_line.startswith("#!") else sys.executable


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_site(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory):
    executable = generator()
    directory = tmp_path_factory.mktemp("client")
    document = directory / "openapi.json"
    document.write_text(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
    completed = subprocess.run(
        [
            executable,
            "generate",
            "--path",
            str(document),
            "--meta",
            "none",
            "--output-path",
            str(directory / "pi_client"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return executable, directory, completed.stdout + completed.stderr


def record(client, responses, model, url, **params):
    response = client.get(url, params, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, (url, params, response.content[:300])
    responses.append((model, f"{url}?{params}", response.json()))


def demo_responses(client):
    responses = []
    pages = public_pages(Page.objects.live().filter(depth__gt=1)).specific()
    for page in pages:
        record(client, responses, "RouteSchema", "/api/v3/route", path=page.url)
        record(client, responses, f"{type(page).__name__}Schema", f"/api/v3/pages/{page.pk}")
    record(client, responses, "SiteInfoSchema", "/api/v3/site")
    for language in LANGUAGES:
        record(client, responses, "NavigationSchema", "/api/v3/navigation", locale=language)
        record(client, responses, "LibrarySchema", "/api/v3/library", locale=language)
        record(client, responses, "SearchOut", "/api/v3/search", locale=language, q=SEARCHES[language])
        record(client, responses, "PagedBasePageSchema", "/api/v3/pages", locale=language)
    return responses, len(pages)


def test_every_operation_is_generated(generated_client):
    _executable, _directory, output = generated_client

    assert "Endpoint will not be generated" not in output


@pytest.mark.usefixtures("demo")
def test_the_generated_models_parse_every_demo_page_with_every_block_typed(
    client, generated_client, tmp_path
):
    executable, directory, _output = generated_client
    responses, page_count = demo_responses(client)
    recorded = tmp_path / "responses.json"
    recorded.write_text(json.dumps(responses))

    completed = subprocess.run(
        [interpreter_of(executable), str(CHECK), str(directory), str(recorded)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)

    assert page_count > 50  # every demo page, in three languages
    assert report["problems"] == []
    assert report["parsed"] == len(responses)
