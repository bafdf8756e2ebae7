"""Property-based contract run of the OpenAPI schema (schemathesis) against every read endpoint.

Bounded: a few generated requests per operation, against one small but
realistic site built once for the module (pages in three languages, a library
with a publication that has a file and a cover, an image, a document and
redirects), so the whole run takes well under a minute. Checks that no
request gives a 5xx and that every documented response, errors included,
matches its schema and content type.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance
from wagtail.contrib.redirects.models import Redirect

from headless.api import api
from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from resources.factories import ResourceIndexPageFactory, ResourceTypeFactory, TopicFactory
from tests.resources.conftest import make_publication, translate_page
from website.factories import CustomDocumentFactory, CustomImageFactory

MAX_EXAMPLES = 8

# snippets/ reads need a token and its {type} parameter cannot be generated from v3's schema.
schema = (
    schemathesis.openapi.from_dict(api.get_openapi_schema())
    .include(method="GET")
    .exclude(path_regex=r"^/api/v3/snippets/")
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


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_read_endpoints_keep_their_contract(case, contract_site, same_database_connection):
    case.call_and_validate(
        app=application,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
