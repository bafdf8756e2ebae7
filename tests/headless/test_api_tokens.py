import pytest
from django.utils import timezone

from headless.api_tokens import INVALID_TOKEN_CHALLENGE
from tests.headless.conftest import bearer
from website.models import User

pytestmark = pytest.mark.django_db

NOT_A_TOKEN = {"HTTP_AUTHORIZATION": "Bearer not-a-token"}


@pytest.fixture
def admin():
    return User.objects.create_superuser("admin", "admin@example.org", "unused-password")


def assert_invalid_token(response):
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == INVALID_TOKEN_CHALLENGE
    assert response.json()["detail"].startswith("The bearer token is not valid")


@pytest.mark.parametrize(
    "url",
    ["/api/v3/pages/", "/api/v3/images/", "/api/v3/whoami/", "/api/v3/route/?path=/fr/", "/api/v3/site/"],
)
def test_a_token_that_does_not_exist_is_a_401_not_an_anonymous_200(client, site_tree, url):
    assert_invalid_token(client.get(url, **NOT_A_TOKEN))


def test_a_well_formed_but_unknown_token_is_a_401(client, site_tree, admin):
    well_formed = bearer(admin)
    admin.api_tokens.all().delete()

    assert_invalid_token(client.get("/api/v3/pages/", **well_formed))


def test_a_revoked_token_is_a_401(client, site_tree, admin):
    headers = bearer(admin)
    admin.api_tokens.update(revoked_at=timezone.now())

    assert_invalid_token(client.get("/api/v3/pages/", **headers))


def test_the_token_of_an_inactive_user_is_a_401(client, site_tree, admin):
    headers = bearer(admin)
    admin.is_active = False
    admin.save()

    assert_invalid_token(client.get("/api/v3/pages/", **headers))


def test_an_invalid_token_cannot_write(client, site_tree):
    page = site_tree["en"]["programme"]

    response = client.patch(
        f"/api/v3/pages/{page.pk}/", {"title": "Changed"}, content_type="application/json", **NOT_A_TOKEN
    )

    assert_invalid_token(response)
    page.refresh_from_db()
    assert page.title == "Legal advocacy"


def test_no_token_stays_anonymous_and_a_valid_one_is_accepted(client, site_tree, admin):
    anonymous = client.get("/api/v3/pages/")
    with_token = client.get("/api/v3/whoami/", **bearer(admin))

    assert anonymous.status_code == 200
    assert with_token.status_code == 200
    assert with_token.json()["user"]["username"] == "admin"


def test_a_write_without_a_token_is_a_401_that_says_how_to_authenticate(client, site_tree):
    response = client.post("/api/v3/pages/", {}, content_type="application/json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_tokens_survive_a_secret_key_rotation_when_api_token_secret_is_set(
    client, site_tree, admin, settings
):
    settings.API_TOKEN_SECRET = "the-api-token-secret"
    headers = bearer(admin)

    settings.SECRET_KEY = "a-new-secret-key"
    settings.SECRET_KEY_FALLBACKS = []

    assert client.get("/api/v3/whoami/", **headers).status_code == 200


def test_tokens_made_before_api_token_secret_was_set_keep_working(client, site_tree, admin, settings):
    settings.API_TOKEN_SECRET = None
    before = bearer(admin)

    settings.API_TOKEN_SECRET = "the-api-token-secret"

    assert client.get("/api/v3/whoami/", **before).status_code == 200


def test_without_api_token_secret_tokens_follow_secret_key_and_its_fallbacks(
    client, site_tree, admin, settings
):
    settings.API_TOKEN_SECRET = None
    headers = bearer(admin)
    old_key = settings.SECRET_KEY

    settings.SECRET_KEY = "a-new-secret-key"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    during_rotation = client.get("/api/v3/whoami/", **headers)
    settings.SECRET_KEY_FALLBACKS = []
    after_rotation = client.get("/api/v3/whoami/", **headers)

    assert during_rotation.status_code == 200
    assert_invalid_token(after_rotation)
