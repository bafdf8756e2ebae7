"""Costly parts of public pages, kept in the shared cache (Redis, CACHE_URL) between requests.

The main navigation, programme cards and the library's facets cost a handful of
queries each on every page that shows them, the same for every visitor. They are
kept here under a key made of the part's name, the active language, what the part
depends on (a page, a library's filters) and the content version
(website/content_version.py). Publishing, unpublishing or moving a page (the
signals that purge the frontend cache, website/frontend_cache.py), and any other
write a visitor could see, replace that version: every part kept under the old one
is unreachable at once, and leaves the cache when its time is up.

Only with a cache every process shares (FRAGMENT_CACHE, on with CACHE_URL): in each process's
own memory, a publish handled by one gunicorn worker would not reach the others.

Only what any anonymous visitor would get goes in. A preview (a draft's cards) is
built afresh and never stored; nothing here is built from the request's user or
session.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from website import content_version

# How long a part stays after its last store; a new content version makes it unreachable sooner.
FRAGMENT_SECONDS = 60 * 60
MISSING = object()


def fragment_key(name, parts):
    version, _changed_at = content_version.current()
    described = "|".join(str(part) for part in parts)
    # Parts may be long (a library's filters) or chosen by the visitor: a digest keeps keys short.
    digest = hashlib.sha256(described.encode()).hexdigest()[:32]
    return f"fragment:{name}:{translation.get_language() or ''}:{version}:{digest}"


def cached(name, parts, build, *, request=None):
    """`build()`, kept under `name` and `parts` for this language and content version.

    `build` must return what any anonymous visitor would get, and something picklable.
    """
    if not settings.FRAGMENT_CACHE or (request is not None and getattr(request, "is_preview", False)):
        return build()
    key = fragment_key(name, parts)
    found = cache.get(key, MISSING)
    if found is MISSING:
        found = build()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found
