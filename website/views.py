from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from website.seo import absolute_url


def root_redirect(request):
    """Send `/` to the home page in the visitor's language, English otherwise.

    Only the Accept-Language header decides (no cookie is read or set), so the
    redirect is cacheable per language.
    """
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("wagtail_serve", args=[""]))
    patch_vary_headers(response, ["Accept-Language"])
    return response


def robots_txt(request):
    """Crawlers may read every public page; the admin is off limits; the sitemap lists the rest.

    Search results and previews are not disallowed here: a crawler must be able to
    fetch them to read their `noindex`.
    """
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
    return response
