"""Workaround: Wagtail's RedirectMiddleware drops the query string (wagtail/wagtail#4414).

A redirect is looked up with the request's query string, then without it;
when it matches without, Wagtail sends the visitor to its target without the
query. `/fr/resources/?q=x` (the redirect Wagtail made when the French
library's slug became `ressources`) led to `/fr/ressources/`: the search,
the filters or a campaign's tracking parameters were lost. The query now
follows to the target, after any query the target has of its own. A redirect
made for one exact query (`/index.php?page=1`) still leads to its target as
it is.

Delete this module when Wagtail's middleware keeps the query string
(tests/upstream/test_wagtail_redirect_query_string.py says when).
"""

from urllib.parse import urlsplit, urlunsplit

from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect


def with_query(location, query):
    scheme, netloc, path, own_query, fragment = urlsplit(location)
    return urlunsplit((scheme, netloc, path, f"{own_query}&{query}" if own_query else query, fragment))


class QueryKeepingRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        redirect = super().process_response(request, response)
        query = request.META.get("QUERY_STRING", "")
        if redirect is response or not query:
            return redirect
        # Matched with its query: a redirect for that query, whose target is complete.
        if get_redirect(request, Redirect.normalise_path(request.get_full_path(), decode_unicode=False)):
            return redirect
        redirect["Location"] = with_query(redirect["Location"], query)
        return redirect
