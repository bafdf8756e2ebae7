import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.images import get_image_model

from website.seo import absolute_url
from website.storage import PRIVATE_PREFIX


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


def _image_stored_as(name):
    """The image whose original or rendition is stored as `name`, or None."""
    images = get_image_model().objects.select_related("collection")
    return images.filter(file=name).first() or images.filter(renditions__file=name).first()


def private_image_file(request, name):
    """A file of an image in a private collection, to those who may see it; 404 to anyone else.

    Admin users see it (thumbnails, choosers); others only when every view
    restriction on the image's collection and its ancestors admits the request, as
    for documents. Never stored by a shared cache.
    """
    stored = PRIVATE_PREFIX + name
    image = _image_stored_as(stored)
    if image is None or not default_storage.exists(stored):
        raise Http404
    user = request.user
    admitted = (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")) or all(
        restriction.accept_request(request) for restriction in image.collection.get_view_restrictions()
    )
    if not admitted:
        raise Http404  # the same answer as for a file that does not exist
    content_type = mimetypes.guess_type(stored)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(stored), content_type=content_type)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
