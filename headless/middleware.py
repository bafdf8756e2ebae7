"""HTTP behaviour of everything under /api/: language, caching, CORS, HEAD and error bodies."""

import hashlib
import json
import re
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response
from wagtail.api.v3.urls import api as v3

from headless import api_tokens
from website import absolute_urls, content_version

API_PREFIX = "/api/"
CORS_ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PATCH, DELETE"
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match"
CORS_MAX_AGE = "86400"
WRITE_METHODS = ("POST", "PUT", "PATCH")
# Methods whose body the API may read (a DELETE may carry one too).
BODY_METHODS = (*WRITE_METHODS, "DELETE")
# Every v3 JSON body is a page, snippet or form of a few kilobytes: 1 MiB is ample, and
# bounds what the server parses for anyone. Uploads (multipart) have their own limits.
MAX_JSON_BODY = 1024 * 1024
# Python's json parser recurses once per level: a body nested thousands deep exhausts
# the stack (RecursionError, a 500). No v3 body nests anywhere near 32 levels.
MAX_JSON_DEPTH = 32
# A JSON string (its escapes included), whose brackets are text, not structure.
JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
NOT_A_BRACKET = re.compile(rb"[^\[\]{}]")
BRACKETS_AS_PARENTHESES = bytes.maketrans(b"[]{}", b"()()")


class ApiHttpMiddleware:
    """Make /api/ responses cacheable, conditional, CORS-aware and problem+json on error.

    - API output never depends on the Accept-Language header: the language of
      content comes from its path or a `locale` parameter, so one cached
      response serves every visitor. The source language is active instead.
    - Anonymous GETs that PublicCacheMiddleware marked public get a strong
      ETag and a Last-Modified, known before the view runs: they derive from
      the last change of public content (website/content_version.py), the API
      version and the request. `If-None-Match` / `If-Modified-Since` are
      answered 304 Not Modified before anything is rendered.
    - Errors are never cached publicly: a 404 of a page not yet published
      must not outlive its publication in a shared cache.
    - HEAD is answered like GET, without the body. (django-ninja answers 405 to
      a method its operation does not list, and its operations list GET only.)
    - CORS headers only for origins listed in CORS_ALLOWED_ORIGINS (none by default).
    - A body is bounded before anything parses it: over MAX_JSON_BODY it is a
      413, nested deeper than MAX_JSON_DEPTH (or with unmatched brackets) a 400.
    - A bearer token that is not valid is a 401 (headless.api_tokens), and
      every 401 says how to authenticate (`WWW-Authenticate: Bearer`).
    - A JSON body that is not an object is a 422: every v3 write takes an
      object, and v3 fails on others with a server error.
    - Previews (`request.headless_preview`) are neither cached nor indexed.
    - Every error is `application/problem+json` (RFC 9457), including Django's
      own 404 for unknown API URLs and 405s.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        origin = self.allowed_origin(request)
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            response = HttpResponse(status=204)
            if origin:
                response["Access-Control-Allow-Methods"] = CORS_ALLOWED_METHODS
                response["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = CORS_MAX_AGE
        else:
            response = self.respond(request)
            response = self.as_problem(response)
            if response.status_code == HTTPStatus.UNAUTHORIZED and not response.has_header(
                "WWW-Authenticate"
            ):
                response["WWW-Authenticate"] = api_tokens.CHALLENGE
            if getattr(request, "headless_preview", False):
                response["Cache-Control"] = "private, no-store"
                response["X-Robots-Tag"] = "noindex"
            response = self.conditional(request, response)
            if request.method == "HEAD":
                self.drop_body(response)
            # Token holders may get drafts at the same URL: caches must keep them apart.
            patch_vary_headers(response, ["Authorization"])
        if settings.CORS_ALLOWED_ORIGINS:
            patch_vary_headers(response, ["Origin"])
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = "ETag"
        return response

    def respond(self, request):
        validators = self.validators(request)
        if validators is not None:
            request.api_validators = validators
            not_modified = get_conditional_response(request, etag=validators[0], last_modified=validators[1])
            if not_modified is not None:
                # What the 200 would have said about itself and its caching, without rendering it.
                not_modified["ETag"] = validators[0]
                not_modified["Last-Modified"] = http_date(validators[1])
                patch_cache_control(not_modified, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
                return not_modified
        refused = (
            self.refuse_unbounded_body(request)
            or api_tokens.refuse_invalid_token(request)
            or self.refuse_non_object_body(request)
        )
        if refused is not None:
            return refused
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            with absolute_urls.serving(request):
                response = self.get_response(request)
        finally:
            if head:
                request.method = "HEAD"
        return response

    @staticmethod
    def validators(request):
        """(ETag, Last-Modified timestamp) of an anonymous GET or HEAD, else None.

        The host is part of the ETag, as absolute URLs in the body name it; a deploy that
        changes the API's output without a content change bumps the API's version.
        """
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or "Authorization" in request.headers
            or (user is not None and user.is_authenticated)
            or request.path_info.startswith(f"{API_PREFIX}v3/preview/")
        ):
            return None
        version, changed_at = content_version.current()
        key = "\n".join((v3.version, version, request.scheme, request.get_host(), request.get_full_path()))
        return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"', changed_at

    @staticmethod
    def refuse_unbounded_body(request):
        """413 or 400 for a body too large or too deep to parse safely (django-ninja parses
        any non-multipart body as JSON, whatever its Content-Type)."""
        if request.method not in BODY_METHODS or request.content_type == "multipart/form-data":
            return None
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # as Django reads it: no body
        if length > MAX_JSON_BODY:
            return problem_response(
                status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                detail=f"The request body is larger than {MAX_JSON_BODY // 1024 // 1024} MiB "
                f"({MAX_JSON_BODY} bytes).",
            )
        depth = json_nesting_depth(request.body, MAX_JSON_DEPTH)
        if depth is None:
            return problem_response(
                status=HTTPStatus.BAD_REQUEST,
                detail="The request body is not JSON: its brackets do not match.",
            )
        if depth > MAX_JSON_DEPTH:
            return problem_response(
                status=HTTPStatus.BAD_REQUEST,
                detail=f"The request body nests JSON more than {MAX_JSON_DEPTH} levels deep.",
            )
        return None

    @staticmethod
    def refuse_non_object_body(request):
        if (
            request.method not in WRITE_METHODS
            or request.content_type != "application/json"
            or not request.body
        ):
            return None
        try:
            body = json.loads(request.body)
        except ValueError:
            return None  # ninja answers malformed JSON itself
        if isinstance(body, dict):
            return None
        return problem_response(
            status=HTTPStatus.UNPROCESSABLE_ENTITY,
            detail="The request body must be a JSON object.",
            errors=[{"type": "object_expected", "loc": ["body"], "msg": "Expected a JSON object."}],
        )

    @staticmethod
    def allowed_origin(request):
        origin = request.headers.get("Origin")
        return origin if origin and origin in settings.CORS_ALLOWED_ORIGINS else None

    @staticmethod
    def as_problem(response):
        if response.status_code < 400 or response.get("Content-Type", "").startswith(PROBLEM_JSON):
            return response
        problem = problem_response(status=response.status_code)
        for header in ("Allow", "Cache-Control", "WWW-Authenticate"):
            if response.has_header(header):
                problem[header] = response[header]
        return problem

    @staticmethod
    def conditional(request, response):
        if response.status_code == HTTPStatus.NOT_MODIFIED:
            return response  # answered before rendering
        if response.status_code >= 400 and "public" in response.get("Cache-Control", ""):
            del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True)
        validators = getattr(request, "api_validators", None)
        cacheable = (
            validators is not None
            and response.status_code == HTTPStatus.OK
            and "public" in response.get("Cache-Control", "")
            and not response.streaming
        )
        if not cacheable:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = validators[0]
            response["Last-Modified"] = http_date(validators[1])
        return response

    @staticmethod
    def drop_body(response):
        if response.streaming:
            return
        response["Content-Length"] = str(len(response.content))
        response.content = b""


def json_nesting_depth(body, limit):
    """How deep the arrays and objects of a JSON text nest (at most `limit` + 1), or None when
    a bracket has no partner: found without parsing, so that nothing recurses.

    Strings are dropped first (their brackets are text); each pass then removes the
    innermost pairs, so the number of passes is the depth. Each pass is one C-level
    scan of at most MAX_JSON_BODY bytes, and there are at most `limit` + 1.
    """
    brackets = NOT_A_BRACKET.sub(b"", JSON_STRING.sub(b"", body)).translate(BRACKETS_AS_PARENTHESES)
    depth = 0
    while brackets and depth <= limit:
        inner = brackets.replace(b"()", b"")
        if inner == brackets:
            return None
        brackets, depth = inner, depth + 1
    return depth
