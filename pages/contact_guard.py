"""What stops a contact form being sent by a bot or from another site, with no cookie and no third party.

Django's CSRF protection needs a cookie, set when the form is rendered: every
visitor who only reads the contact page would get one. PI's visitors include
defenders on watched connections, and the site sets no cookie for visitors, so
the form is sent to a view exempt from Django's CSRF check (pages/views.py)
that checks instead, in this order:

1. **Where the form comes from**: the browser's `Sec-Fetch-Site` must say
   "same-origin" or, from a browser that does not send it, `Origin` must be this
   site. Another site cannot make a browser lie about either, which is what a
   CSRF token proves; a request with neither header is refused. (Django itself
   relies on `Origin` the same way before it looks at the token.)
2. **How often**: at most `CONTACT_FORM_RATE_LIMIT` sends per address per
   `CONTACT_FORM_RATE_WINDOW` seconds, counted in the cache under a keyed hash
   of the address: the address itself is never stored.
3. **A honeypot**: a field hidden from people and screen readers (`hidden`),
   labelled for bots as a field to fill; a form that fills it is refused.
4. **A signed timestamp** rendered with the form: a form sent faster than
   `CONTACT_FORM_MIN_SECONDS` after it was rendered, or older than
   `CONTACT_FORM_MAX_AGE`, or without a valid signature, is refused. It is
   signed with SECRET_KEY, so no server state is needed, and it holds nothing
   about the visitor (a cached copy of the page serves everyone alike).

A refusal is a `Refusal`: the view answers it with a 4xx page that says the
message could not be sent.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from website.addresses import client_address

HONEYPOT_FIELD = "hp_website"
TOKEN_FIELD = "form_token"
TOKEN_SALT = "pages.contact_guard.token"
RATE_KEY_SALT = "pages.contact_guard.rate"


class Refusal(Exception):
    def __init__(self, status, reason, message):
        super().__init__(reason)
        self.status = status
        self.reason = reason  # for logs and tests: origin, rate, honeypot, token, too_fast, expired
        self.message = message


def issue_token(page, now=None):
    """The signed timestamp a contact form carries: which page, when it was rendered."""
    return signing.dumps({"page": page.pk, "at": int(time.time() if now is None else now)}, salt=TOKEN_SALT)


def check_origin(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        same = fetch_site == "same-origin"
    else:
        origin = request.headers.get("Origin")
        same = origin is not None and (
            origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS
        )
    if not same:
        raise Refusal(403, "origin", _("The form was not sent from this site."))


def rate_key_for(address):
    # Keyed with SECRET_KEY: the cache never holds an address, nor a plain hash of one.
    return "pages:contact-rate:" + salted_hmac(RATE_KEY_SALT, address, algorithm="sha256").hexdigest()


def rate_key(request):
    return rate_key_for(client_address(request))


def check_rate(request):
    key = rate_key(request)
    cache.add(key, 0, timeout=settings.CONTACT_FORM_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # the cache is down (website/cache.py): the other checks still apply
        return
    if count > settings.CONTACT_FORM_RATE_LIMIT:
        raise Refusal(
            429, "rate", _("Too many messages were sent from your connection. Please try again later.")
        )


def check_honeypot(request):
    if request.POST.get(HONEYPOT_FIELD, ""):
        raise Refusal(400, "honeypot", _("The message looks automated."))


def check_token(request, page, now=None):
    now = time.time() if now is None else now
    try:
        token = signing.loads(
            request.POST.get(TOKEN_FIELD, ""), salt=TOKEN_SALT, max_age=settings.CONTACT_FORM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise Refusal(400, "expired", _("The form was open for too long. Please send it again.")) from error
    except signing.BadSignature as error:
        raise Refusal(400, "token", _("The form was not sent from this site.")) from error
    if not isinstance(token, dict) or token.get("page") != page.pk:
        raise Refusal(400, "token", _("The form was not sent from this site."))
    age = now - token.get("at", now)
    if age > settings.CONTACT_FORM_MAX_AGE:
        raise Refusal(400, "expired", _("The form was open for too long. Please send it again."))
    if age < settings.CONTACT_FORM_MIN_SECONDS:
        raise Refusal(400, "too_fast", _("The message was sent too quickly after the page was opened."))


def check(request, page):
    """Raises a Refusal if the message must not be accepted."""
    check_origin(request)
    check_rate(request)
    check_honeypot(request)
    check_token(request, page)
