"""Workarounds: two gaps in API v3's bearer tokens (wagtail/api/v3/auth.py, wagtail/models/api.py).

- A token that is not valid (unknown, revoked, or its user inactive) makes
  the request anonymous: a front end whose token was revoked gets public
  content with a 200 and never learns that it should get a new token.
  `refuse_invalid_token` (called by headless.middleware for every /api/
  request, the headless routers included) answers 401 with
  `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750, section 3.1).
  A request without a token stays anonymous.
- Token digests are HMACs keyed with SECRET_KEY, so rotating SECRET_KEY (which
  also ends every admin session) revoked every API token with it.
  `key_tokens_with_their_own_secret` keys new digests with API_TOKEN_SECRET
  (SECRET_KEY when it is unset) and still recognises the digests keyed with
  SECRET_KEY or SECRET_KEY_FALLBACKS, so that tokens made before
  API_TOKEN_SECRET was set keep working until SECRET_KEY itself changes.

Delete this module when v3 refuses invalid tokens and lets a project choose
the key of token digests.
"""

from http import HTTPStatus

from django.conf import settings
from wagtail.api.v3.errors import problem_response
from wagtail.models import APIToken

INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"'
# RFC 9110: a 401 names how to authenticate.
CHALLENGE = "Bearer"


def api_token_secret():
    return getattr(settings, "API_TOKEN_SECRET", None) or settings.SECRET_KEY


def candidate_key_hashes(token):
    """Digests to look up for a presented token: its own secret's first, then SECRET_KEY's."""
    keys = dict.fromkeys([api_token_secret(), settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS])
    return [APIToken.hash_token(token, secret_key=key) for key in keys]


def key_tokens_with_their_own_secret():
    """Called once, from the app's ready(): before any token is made or looked up."""
    hash_token = APIToken.hash_token.__func__

    def hash_with_api_token_secret(cls, token, secret_key=None):
        return hash_token(cls, token, secret_key=secret_key or api_token_secret())

    APIToken.hash_token = classmethod(hash_with_api_token_secret)
    APIToken.candidate_key_hashes = classmethod(lambda cls, token: candidate_key_hashes(token))


def presented_token(request):
    """The bearer token in the Authorization header, as django-ninja reads it; None without one."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" else None


def is_valid(token):
    if not APIToken.validate_token_format(token):  # cannot exist: no query
        return False
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    return api_token is not None and api_token.user.is_active


def refuse_invalid_token(request):
    """A 401 problem for a bearer token that is not valid; None otherwise (no token: anonymous)."""
    token = presented_token(request)
    if token is None or is_valid(token):
        return None
    response = problem_response(
        status=HTTPStatus.UNAUTHORIZED,
        detail="The bearer token is not valid: it is unknown or revoked, or its user is inactive.",
    )
    response["WWW-Authenticate"] = INVALID_TOKEN_CHALLENGE
    return response
