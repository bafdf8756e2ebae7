"""Preview for a decoupled front end.

When `FRONTEND_URL` is set, Wagtail's preview (which renders the editor's
unsaved form data) sends the editor to `{FRONTEND_URL}/preview/?token=…`
instead of rendering the site's templates. The unsaved page is kept
server-side in the cache under a random key; the token signs that key with a
timestamp (`TimestampSigner`), so it cannot be forged, expires after
`HEADLESS_PREVIEW_MAX_AGE` seconds and carries no content itself. The front
end reads the draft from `GET /api/v3/preview/?token=…`.

The cache must be shared by every web process (e.g. Redis or the database
cache) when the site runs more than one.
"""

import json
import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signing import BadSignature, TimestampSigner
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

SIGNER_SALT = "headless.preview"
CACHE_PREFIX = "headless-preview:"
# The keys of the drafts previewed for one page (every language shares the translation key),
# so that an emergency takedown can revoke them (`revoke_previews`).
INDEX_PREFIX = "headless-preview-index:"

logger = logging.getLogger(__name__)


class PreviewNotStored(Exception):
    """The cache did not keep the draft (Redis down, website/cache.py): no token could read it."""


def _signer():
    return TimestampSigner(salt=SIGNER_SALT)


def store_preview(page):
    """Keep the unsaved `page` for the front end; return the token that reads it."""
    key = secrets.token_urlsafe(24)
    data = {"content_type": page.content_type_id, "content": page.serializable_data()}
    # add(), not set(): it tells whether the draft was kept (the key is new, so a
    # working cache always adds it).
    stored = cache.add(
        CACHE_PREFIX + key, json.dumps(data, cls=DjangoJSONEncoder), settings.HEADLESS_PREVIEW_MAX_AGE
    )
    if not stored:
        raise PreviewNotStored
    translation_key = getattr(page, "translation_key", None)
    if translation_key:
        index_key = f"{INDEX_PREFIX}{translation_key}"
        keys = cache.get(index_key) or []
        cache.set(index_key, [*keys, key][-100:], settings.HEADLESS_PREVIEW_MAX_AGE)
    return _signer().sign(key)


def revoke_previews(translation_key):
    """Make every preview token of this page (all its translations) unreadable; return how many."""
    index_key = f"{INDEX_PREFIX}{translation_key}"
    keys = cache.get(index_key) or []
    cache.delete_many([CACHE_PREFIX + key for key in keys] + [index_key])
    return len(keys)


def load_preview(token):
    """The unsaved page a token was made for; PermissionDenied if forged or expired."""
    try:
        key = _signer().unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except BadSignature as error:  # SignatureExpired is a BadSignature
        raise PermissionDenied("The preview token is invalid or has expired.") from error
    stored = cache.get(CACHE_PREFIX + key)
    if stored is None:
        raise PermissionDenied("The preview has expired; preview the page again.")
    data = json.loads(stored)
    model = ContentType.objects.get_for_id(data["content_type"]).model_class()
    return model.from_serializable_data(data["content"])


def frontend_preview_url(token):
    return f"{settings.FRONTEND_URL}/preview/?{urlencode({'token': token})}"


class HeadlessPreviewMixin:
    """Sends Wagtail's preview to the decoupled front end when `FRONTEND_URL` is set."""

    def serve_preview(self, request, mode_name):
        if not settings.FRONTEND_URL:
            return super().serve_preview(request, mode_name)
        try:
            token = store_preview(self)
        except PreviewNotStored:
            # A token for a draft nobody can read would send the editor to an
            # "expired" preview on the front end: say so here instead.
            logger.warning("The preview of page %s could not be stored: the cache does not answer.", self.pk)
            return TemplateResponse(request, "website/preview_unavailable.html", status=503)
        return HttpResponseRedirect(frontend_preview_url(token))
