"""A bearer token that is not valid is refused, not ignored (wagtail/api/v3/auth.py).

A token that is not valid (unknown, revoked, or its user inactive) makes the
request anonymous in API v3: a front end whose token was revoked gets public
content with a 200 and never learns that it should get a new token.
`refuse_invalid_token` (called by headless.middleware for every /api/
request, the headless routers included) answers 401 with
`WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750, section 3.1).
A request without a token stays anonymous. Built on the public middleware
stack, this patches nothing; the key of token digests is patched in
upstream/wagtail_api_token_secret.py.

Delete this module when v3 refuses invalid tokens.
"""

from http import HTTPStatus

from wagtail.api.v3.errors import problem_response
from wagtail.models import APIToken

INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"'
# RFC 9110: a 401 names how to authenticate.
CHALLENGE = "Bearer"


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
