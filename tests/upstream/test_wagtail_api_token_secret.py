"""API v3 token digests keyed with API_TOKEN_SECRET (behaviour: tests/headless/test_api_tokens.py)."""

from wagtail.models import APIToken

from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_api_token_secret import UPSTREAM_HASH_TOKEN


def test_new_digests_are_keyed_with_api_token_secret(settings):
    settings.API_TOKEN_SECRET = "a-secret-of-the-api-tokens-own"
    assert APIToken.hash_token("token") == UPSTREAM_HASH_TOKEN(
        APIToken, "token", secret_key=settings.API_TOKEN_SECRET
    )
    assert APIToken.hash_token("token") != UPSTREAM_HASH_TOKEN(
        APIToken, "token", secret_key=settings.SECRET_KEY
    )


def test_canary_wagtail_still_keys_token_digests_with_secret_key(settings):
    settings.API_TOKEN_SECRET = "a-secret-of-the-api-tokens-own"
    assert_gap_remains(
        UPSTREAM_HASH_TOKEN(APIToken, "token")
        == UPSTREAM_HASH_TOKEN(APIToken, "token", secret_key=settings.SECRET_KEY),
        gap="API token digests keyed with SECRET_KEY only",
        module="wagtail_api_token_secret",
    )
