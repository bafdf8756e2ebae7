from django.conf import settings
from django.http import HttpResponseBadRequest, QueryDict
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control


class PublicCacheMiddleware:
    """Make public responses cacheable and private ones uncacheable.

    Human rights sites are targets of denial-of-service attacks, so every page an
    anonymous visitor sees must be servable from a cache or CDN: it carries
    `Cache-Control: public` and no cookie. Anything touching a session is private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        anonymous = user is None or not user.is_authenticated
        if (
            request.method in ("GET", "HEAD")
            and anonymous
            and response.status_code in (200, 301, 302, 404)
            and not response.cookies
            and not request.path.startswith(("/admin/", "/django-admin/"))
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


class ContentLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect for non-content URLs.

    LocaleMiddleware turns a 404 into a redirect to the language-prefixed path
    whenever that path resolves, and Wagtail's catch-all resolves everything:
    `/api/v3/missing/` would become `/en/api/v3/missing/`. API, admin and file
    URLs live outside the language prefixes, so their 404s stay 404s.
    """

    NON_CONTENT_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.NON_CONTENT_PREFIXES):
            return response
        return super().process_response(request, response)


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin the looser policy it needs; public pages keep the strict one.

    Wagtail's admin runs inline scripts from its form widgets, sets inline
    `style` attributes and shows `data:`/`blob:` image previews
    (https://github.com/wagtail/wagtail/issues/1288), so `SECURE_CSP_ADMIN`
    allows those; visitors' pages never need them and get `SECURE_CSP`. Must sit below Django's ContentSecurityPolicyMiddleware, which
    reads the policy this sets on the response.
    """

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(self.ADMIN_PREFIXES) or getattr(request, "is_preview", False):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response


class NoIndexMiddleware:
    """Keep previews and the admin out of search engines, whatever their template says.

    Wagtail serves previews through this middleware chain with `request.is_preview`
    set (see wagtail.models.preview.PreviewableMixin.make_preview_request).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False) or request.path_info.startswith(
            AdminContentSecurityPolicyMiddleware.ADMIN_PREFIXES
        ):
            response.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response


class NulCharacterMiddleware:
    """Keep NUL characters (U+0000) in URLs away from the database.

    PostgreSQL cannot store or compare text containing NUL: a `%00` that reached
    a slug or title lookup would be a DataError, a server error. In the path it
    is a 400; in query parameters it never means anything, so it is dropped
    there (free-text queries then search what is left). Innermost, so that
    the API's middleware turns the 400 into problem+json.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return HttpResponseBadRequest(
                "Bad request: the address contains a NUL character.", content_type="text/plain"
            )
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class OnionLocationMiddleware:
    """Tells Tor Browser that the site has an onion address (`ONION_LOCATION`), page by page.

    Visitors who watch their own traces can then read the same page without leaving
    Tor. Only on pages (HTML), as the Tor Project describes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.ONION_LOCATION and response.get("Content-Type", "").startswith("text/html"):
            response["Onion-Location"] = settings.ONION_LOCATION + request.get_full_path()
        return response
