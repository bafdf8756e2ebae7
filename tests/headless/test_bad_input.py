import pytest

from headless.api import api
from headless.bad_input import MAX_OFFSET

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "redirects"])
def test_lists_document_their_offset_limit_and_keep_to_it(client, site_tree, endpoint):
    operation = api.get_openapi_schema()["paths"][f"/api/v3/{endpoint}/"]["get"]
    offset = next(parameter for parameter in operation["parameters"] if parameter["name"] == "offset")

    last = client.get(f"/api/v3/{endpoint}/", {"offset": MAX_OFFSET})
    beyond = client.get(f"/api/v3/{endpoint}/", {"offset": MAX_OFFSET + 1})

    assert offset["schema"]["maximum"] == MAX_OFFSET
    assert last.status_code == 200
    assert last.json()["items"] == []
    assert beyond.status_code == 422
    assert beyond.json()["errors"][0]["loc"] == ["query", "offset"]


def test_an_unknown_locale_is_a_422_naming_the_languages(client, site_tree):
    response = client.get("/api/v3/pages/", {"locale": "xx"})

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {
            "type": "unknown_locale",
            "loc": ["query", "locale"],
            "msg": "Unknown locale 'xx'; use one of en, fr, es.",
        }
    ]


def test_a_known_locale_still_filters(client, site_tree):
    items = client.get("/api/v3/pages/", {"locale": "fr"}).json()["items"]

    assert items
    assert {item["meta"]["locale"] for item in items} == {"fr"}
