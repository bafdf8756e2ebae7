"""HTTP behaviour of everything under /api/: language, caching, CORS, HEAD and error bodies."""

import hashlib
import json
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import get_urlconf, is_valid_path
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

from headless import absolute_urls

API_PREFIX = "/api/"
CORS_ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PATCH, DELETE"
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match"
CORS_MAX_AGE = "86400"
WRITE_METHODS = ("POST", "PUT", "PATCH")


class ApiHttpMiddleware:
    """Make /api/ responses cacheable, conditional, CORS-aware and problem+json on error.

    - API output never depends on the Accept-Language header: the language of
      content comes from its path or a `locale` parameter, so one cached
      response serves every visitor. The source language is active instead.
    - Anonymous GETs that PublicCacheMiddleware marked public get a strong
      ETag, and `If-None-Match` answers 304 Not Modified.
    - HEAD is answered like GET, without the body. (django-ninja answers 405 to
      a method its operation does not list, and its operations list GET only.)
    - CORS headers only for origins listed in CORS_ALLOWED_ORIGINS (none by default).
    - A URL missing its trailing slash gets a 308 to the right one, which keeps
      the method and body: Django's APPEND_SLASH can only redirect a GET.
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
        refused = self.refuse_non_object_body(request)
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
        if response.status_code == HTTPStatus.NOT_FOUND:
            return self.slash_redirect(request) or response
        return response

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
    def slash_redirect(request):
        path = request.path_info
        if not settings.APPEND_SLASH or path.endswith("/"):
            return None
        urlconf = getattr(request, "urlconf", get_urlconf())
        if is_valid_path(path, urlconf) or not is_valid_path(f"{path}/", urlconf):
            return None
        return HttpResponsePermanentRedirect(
            request.get_full_path(force_append_slash=True), preserve_request=True
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
        cacheable = (
            request.method in ("GET", "HEAD")
            and response.status_code == HTTPStatus.OK
            and "public" in response.get("Cache-Control", "")
            and not response.streaming
        )
        if not cacheable:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def drop_body(response):
        if response.streaming:
            return
        response["Content-Length"] = str(len(response.content))
        response.content = b""
