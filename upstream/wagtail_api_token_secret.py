"""Workaround: API v3 keys its token digests with SECRET_KEY (wagtail/models/api.py, `APIToken.hash_token`).

Rotating SECRET_KEY (which also ends every admin session) therefore revokes
every API token with it. `apply()` keys new digests with API_TOKEN_SECRET
(SECRET_KEY when it is unset) and still recognises the digests keyed with
SECRET_KEY or SECRET_KEY_FALLBACKS, so that tokens made before
API_TOKEN_SECRET was set keep working until SECRET_KEY itself changes.
headless/api_tokens.py looks tokens up with `APIToken.candidate_key_hashes`.

Upstream: no issue found in wagtail/wagtail; the text to file is in
upstream/ISSUES.md. Delete this module when v3 lets a project choose the key
of token digests (tests/upstream/test_wagtail_api_token_secret.py says so).
"""

from django.conf import settings
from wagtail.models import APIToken

UPSTREAM_HASH_TOKEN = APIToken.hash_token.__func__
UPSTREAM_CANDIDATE_KEY_HASHES = APIToken.candidate_key_hashes.__func__


def api_token_secret():
    return getattr(settings, "API_TOKEN_SECRET", None) or settings.SECRET_KEY


def candidate_key_hashes(token):
    """Digests to look up for a presented token: its own secret's first, then SECRET_KEY's."""
    keys = dict.fromkeys([api_token_secret(), settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS])
    return [APIToken.hash_token(token, secret_key=key) for key in keys]


def _hash_with_api_token_secret(cls, token, secret_key=None):
    return UPSTREAM_HASH_TOKEN(cls, token, secret_key=secret_key or api_token_secret())


def apply():
    """Before any token is made or looked up."""
    APIToken.hash_token = classmethod(_hash_with_api_token_secret)
    APIToken.candidate_key_hashes = classmethod(lambda cls, token: candidate_key_hashes(token))
