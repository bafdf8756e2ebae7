"""Property-based contract run of the OpenAPI schema (schemathesis) against every operation.

Every operation, reads and writes (POST, PATCH, PUT, DELETE), is called both
anonymously and with a superuser's bearer token, against one small but
realistic site built once for the module (pages in three languages, a library
with a publication that has a file and a cover, an image, a document and
redirects). Each generated request runs in a transaction rolled back after
it, so that a write (a delete, a move) never changes what the next request
sees. Bounded: schemathesis's coverage cases (edge values of each parameter
and body, valid and invalid) plus MAX_READ_EXAMPLES generated requests per
read and MAX_WRITE_EXAMPLES per write operation. Anonymous writes skip the
coverage cases: a write is refused before its body is read, so the ~2,000
edge values of the write bodies (771 for a page alone) would only meet the
same refusal again; they get generated requests instead, valid and invalid.
94 test cases (47 operations, two callers). Checks that no request gives a
5xx and that every response, errors included, has a declared status, content
type and schema.
"""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.contrib.redirects.models import Redirect

from headless.api import api
from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory, ResourceTypeFactory, TopicFactory
from tests.headless.conftest import bearer
from tests.resources.conftest import make_publication, translate_page
from website.factories import CustomDocumentFactory, CustomImageFactory
from website.models import User

MAX_READ_EXAMPLES = 5
MAX_WRITE_EXAMPLES = 3
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# As /api/v3/openapi.json serves it: lazy translations (write schemas' help texts) as strings.
openapi = json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
schema = schemathesis.openapi.from_dict(openapi)
reads = schema.include(method="GET")
writes = schema.exclude(method="GET")
without_coverage_cases = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
anonymous_writes = schemathesis.openapi.from_dict(openapi, config=without_coverage_cases).exclude(
    method="GET"
)
application = WSGIHandler()


def build_site():
    """Every kind of thing the read endpoints return, at least once."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = ProgrammeIndexPageFactory(parent=home, show_in_menus=True)
    image = CustomImageFactory(title="Defenders in Bogotá")
    programme = ProgrammePageFactory(
        parent=index, title="Legal advocacy", slug="legal-advocacy", hero_image=image
    )
    programme.body = [
        {"type": "paragraph", "value": f'<p>See <a linktype="page" id="{index.pk}">our work</a>.</p>'},
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "Bogotá"}},
        {"type": "document_link", "value": {"document": CustomDocumentFactory().pk, "label": ""}},
    ]
    programme.save_revision().publish()
    library = ResourceIndexPageFactory(parent=home, show_in_menus=True)
    manual = ResourceTypeFactory(name="Manual", slug="manual")
    publication = make_publication(
        library,
        title="Protection manual",
        files=("en", "fr"),
        topics=[TopicFactory(name="Criminalisation", slug="criminalisation")],
        countries=["TH"],
        programmes=[programme],
        resource_type=manual,
        cover_image=CustomImageFactory(title="Manual cover"),
    )
    for page in (home, index, programme, library, publication):
        page.save_revision().publish()
    for language in ("fr", "es"):
        for page in (home, index, programme, library):
            translate_page(page, language, slug=f"{page.slug}-{language}")
    Redirect.objects.create(old_path="/en/old-advocacy", redirect_page=programme)
    Redirect.objects.create(old_path="/en/partners", redirect_link="https://example.org/", is_permanent=False)


@pytest.fixture(scope="module")
def contract_site(django_db_setup, django_db_blocker):
    """Built once and rolled back at the end: each generated request reads the same site."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_site()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def same_database_connection():
    """Serve requests on the test's connection, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def superuser_headers():
    admin = User.objects.create_superuser("contract-admin", "admin@example.org", "unused-password")
    return {"Authorization": bearer(admin)["HTTP_AUTHORIZATION"]}


@pytest.fixture(params=["anonymous", "token"])
def caller(request, contract_site):
    """The headers of each kind of caller: none, or a superuser's valid bearer token."""
    return {} if request.param == "anonymous" else superuser_headers()


# One-value params: without a pytest parameter, schemathesis names its items
# after the test alone, and a failure would not say which operation failed.
@pytest.fixture(params=["token"])
def superuser(contract_site):
    return superuser_headers()


@pytest.fixture(params=["anonymous"])
def anonymous(contract_site):
    return {}


def call_and_roll_back(case, headers):
    with transaction.atomic():
        case.call_and_validate(app=application, headers=headers, checks=CHECKS)
        transaction.set_rollback(True)


@pytest.mark.django_db
@reads.parametrize()
@settings(
    max_examples=MAX_READ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_reads_keep_their_contract(case, caller, same_database_connection):
    call_and_roll_back(case, caller)


@pytest.mark.django_db
@writes.parametrize()
@settings(
    max_examples=MAX_WRITE_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_writes_keep_their_contract(case, superuser, same_database_connection):
    call_and_roll_back(case, superuser)


@pytest.mark.django_db
@anonymous_writes.parametrize()
@settings(
    max_examples=MAX_WRITE_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_anonymous_writes_keep_their_contract(case, anonymous, same_database_connection):
    call_and_roll_back(case, anonymous)
