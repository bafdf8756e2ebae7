import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_menu_tree_for_a_language(api_get, site_tree):
    french = site_tree["fr"]
    french["programme"].show_in_menus = True
    french["programme"].save_revision().publish()

    data = api_get("/api/v3/navigation/", locale="fr").json()

    assert data["locale"] == "fr"
    assert data["home"]["url"] == "/fr/"
    assert data["items"] == [
        {
            "id": french["index"].pk,
            "title": "Plaidoyer international",
            "url": french["index"].url,
            "children": [
                {
                    "id": french["programme"].pk,
                    "title": "Plaidoyer juridique",
                    "url": french["programme"].url,
                    "children": [],
                }
            ],
        }
    ]


@pytest.mark.parametrize("locale", ["de", "", "FR", "x" * 500])
def test_unknown_locale_is_a_422_problem(api_get, site_tree, locale):
    response = api_get("/api/v3/navigation/", locale=locale)

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_menu_runs_a_bounded_number_of_queries(client, site_tree):
    index = site_tree["en"]["index"]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v3/navigation/?locale=en").status_code == 200
        return len(queries)

    ProgrammePageFactory(parent=index, show_in_menus=True)
    count()
    before = count()
    for _ in range(10):
        ProgrammePageFactory(parent=index, show_in_menus=True)
    after = count()
    assert after == before
    assert after <= 8, after
