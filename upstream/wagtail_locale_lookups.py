"""Workaround: Wagtail reads the same Locale again each time it is asked for it (no upstream
issue found; the text to file is in upstream/ISSUES.md).

`LocaleManager.get_for_language` (behind `Locale.get_active()`) runs a query per call, and
one page is asked for it several times: `Page.route_for_request` (through `localized`), the
main menu, the API's route and search (issue 19: the lookup by language code 2 to 3 times
per request). Within a request it is now read once, in the request's memo
(website/visibility.py, RequestVisibilityMiddleware); outside a request each call reads
afresh, as upstream does. A language that has no Locale still raises `DoesNotExist`.

Delete this module when Wagtail reads it once per request
(tests/upstream/test_wagtail_locale_lookups.py says when).
"""

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models.i18n import LocaleManager

from website.visibility import memoized

UPSTREAM_GET_FOR_LANGUAGE = LocaleManager.get_for_language


def get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    return memoized(("locale", self.model._meta.label, code), lambda: UPSTREAM_GET_FOR_LANGUAGE(self, code))


def apply():
    LocaleManager.get_for_language = get_for_language
