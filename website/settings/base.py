"""Settings shared by every environment. Values that vary come from env.py."""

from datetime import timedelta
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from search.conf import search_backends
from website.language_profiles import bidi_languages, content_language_name

from . import env

BASE_DIR = env.BASE_DIR
PROJECT_DIR = BASE_DIR / "website"

SECRET_KEY = env.SECRET_KEY
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS

INSTALLED_APPS = [
    "website",
    "upstream",  # workarounds for gaps in Wagtail, wagtail-localize and django-ninja
    "home",
    "people",  # people pages mention, with their consent and visibility
    "programmes",
    "resources",
    "pages",  # standard content pages and the contact page
    "news",  # news and statements
    "agenda",  # events, with their calendar (.ics) files (app label "events")
    "headless",
    "search",
    "translations",
    "moderation",  # unpublish requests, approval confirmations
    "accounts",  # staff sign-in: two-factor authentication, lockout, the audit trail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales, as wagtail-localize asks
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v3",
    "ninja",  # serves the API docs' Swagger UI from this site's static files, not a CDN
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",  # ISO 3166 countries with names in the visitor's language
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # lockout after repeated failed sign-ins
    "django_otp",
    "django_otp.plugins.otp_totp",  # authenticator apps
    "django_otp.plugins.otp_static",  # recovery codes
]

MIDDLEWARE = [
    "website.health.HealthCheckMiddleware",  # first: probes skip host checks, HTTPS redirect, sessions
    "django.middleware.security.SecurityMiddleware",
    "website.visibility.RequestVisibilityMiddleware",  # outermost: one memo for the whole request
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "website.middleware.AdminContentSecurityPolicyMiddleware",  # below CSP: sets the admin's policy
    "website.middleware.NoIndexMiddleware",
    "website.middleware.OnionLocationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.middleware.ContentLocaleMiddleware",  # after sessions, before common
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "accounts.middleware.TwoFactorMiddleware",  # sends staff who must use 2FA to sign-in or enrolment
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "upstream.wagtail_redirect_query_string.QueryKeepingRedirectMiddleware",  # Wagtail's, keeping the query string
    "headless.middleware.ApiHttpMiddleware",  # sees PublicCacheMiddleware's Cache-Control
    "website.middleware.PublicCacheMiddleware",
    "website.middleware.NulCharacterMiddleware",  # innermost: its 400s pass through the API's middleware
    # Last, as django-axes asks: answers a locked-out sign-in with its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"


def database_settings(database_url):
    """The default database from DATABASE_URL, with SQLite set up for concurrent writers."""
    database = dj_database_url.parse(database_url, conn_max_age=60)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            **database.get("OPTIONS", {}),
            # Every save reads, then writes, in one transaction. IMMEDIATE takes the
            # write lock at BEGIN, so a second save waits for the first instead of
            # failing its reader-turned-writer with "database is locked" (SQLite will
            # not let it wait: that could deadlock).
            "transaction_mode": "IMMEDIATE",
            # How long a save waits for the other writer (seconds) before it fails.
            "timeout": 20,
            # WAL lets readers (the public site) run beside the one writer; with WAL,
            # synchronous=NORMAL is still safe against corruption and saves an fsync
            # per commit.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return database


DATABASES = {"default": database_settings(env.DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's PostgreSQL search backend needs its GIN indexes and lookups.
    INSTALLED_APPS.append("django.contrib.postgres")

AUTH_USER_MODEL = "website.User"
WAGTAILIMAGES_IMAGE_MODEL = "website.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "website.CustomDocument"
# Alt text or an explicit "decorative" choice for every image (WCAG 1.1.1).
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.forms.CustomImageForm"
# A document is what its extension says: a .pdf is a PDF (website/document_files.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.forms.CustomDocumentForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Staff accounts are what an attacker goes for: a passphrase, not a word.
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in (accounts/). django-axes counts failed sign-ins per account and per
# address: AXES_FAILURE_LIMIT failures on either lock it for AXES_COOLOFF_TIME; a
# locked-out try is refused before the password hasher runs, so guessing no
# longer ties a worker. Its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=env.LOGIN_LOCKOUT_MINUTES)
# Either count locks: one account tried from many addresses, or many accounts from one.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The same page whatever the username, existing or not, and whatever the client asked for.
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Axes keeps no log of successful sign-ins (the audit trail has them, without an address),
# and the addresses it counts by are truncated (accounts.addresses.client_address).
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.counted_address"
# Which request header carries the visitor's address behind the proxy (unset: REMOTE_ADDR).
CLIENT_IP_HEADER = env.CLIENT_IP_HEADER
# Visitors' addresses are never written down (logs, audit, form submissions) unless this
# asks for it, and then only truncated (/24 for IPv4, /48 for IPv6).
LOG_VISITOR_IP = env.LOG_VISITOR_IP
# The Onion-Location header sent with every public page when the site has an onion address.
ONION_LOCATION = env.ONION_LOCATION

# The contact form's spam checks (pages/contact_guard.py): no form accepted sooner than
# MIN_SECONDS after it was shown or later than MAX_AGE seconds; at most RATE_LIMIT
# messages per visitor address (kept as a keyed hash, in the cache) per RATE_WINDOW seconds.
CONTACT_FORM_MIN_SECONDS = 3
CONTACT_FORM_MAX_AGE = 24 * 60 * 60
CONTACT_FORM_RATE_LIMIT = 5
CONTACT_FORM_RATE_WINDOW = 60 * 60
# Contact messages are deleted this long after they arrive by `manage.py
# prune_contact_submissions` (run it daily, beside prune_audit_log); the demo privacy page says six months.
CONTACT_SUBMISSION_RETENTION_DAYS = 183

# Two-factor authentication (django-otp: authenticator apps, recovery codes). Anyone may
# enrol from their account menu; TWO_FACTOR_REQUIRED makes it compulsory for
# administrators and moderators, TWO_FACTOR_REQUIRED_FOR_ALL for every admin user.
TWO_FACTOR_REQUIRED = bool(env.TWO_FACTOR_REQUIRED)
TWO_FACTOR_REQUIRED_FOR_ALL = env.TWO_FACTOR_REQUIRED_FOR_ALL
OTP_TOTP_ISSUER = "Protection International"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"

# A staff session ends after SESSION_IDLE_MINUTES without a request (each request
# renews it) and when the browser closes. Visitors have no session.
SESSION_COOKIE_AGE = env.SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# The audit trail (Wagtail's log entries) is kept this long; `manage.py prune_audit_log` drops the rest.
AUDIT_RETENTION_DAYS = env.AUDIT_RETENTION_DAYS

# Languages: a content language is its line here, its profile in
# website/language_profiles.py and its catalogue in locale/. The first is the source
# language that editors write in and translators translate from.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", content_language_name("en")),
    ("fr", content_language_name("fr")),
    ("es", content_language_name("es")),
    ("pt", content_language_name("pt")),
    ("ar", content_language_name("ar")),
]
LANGUAGES_BIDI = bidi_languages([code for code, _name in LANGUAGES], global_settings.LANGUAGES_BIDI)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.STATIC_ROOT
STATIC_URL = "/static/"
MEDIA_ROOT = env.MEDIA_ROOT
MEDIA_URL = "/media/"
# Outside MEDIA_ROOT, so that whatever serves /media/ cannot serve it: pending uploads and
# the files of images in private collections (website/storage.py).
PRIVATE_MEDIA_ROOT = env.PRIVATE_MEDIA_ROOT


def media_storages(
    bucket=None, access_key=None, secret_key=None, endpoint_url=None, region=None, media_url=None
):
    """STORAGES for uploaded files: MEDIA_ROOT and PRIVATE_MEDIA_ROOT, or the bucket when one is named.

    Static files are not in it: `make serve` serves them (WhiteNoise), from every
    application server's own copy.
    """
    if not bucket:
        return {
            "default": {"BACKEND": "website.storage.MediaStorage"},
            "pending_uploads": {"BACKEND": "website.storage.PrivateStorage"},
        }
    if not (access_key and secret_key):
        raise ImproperlyConfigured("MEDIA_BUCKET needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
    options = {
        "bucket_name": bucket,
        "access_key": access_key,
        "secret_key": secret_key,
        "endpoint_url": endpoint_url,
        "region_name": region,
        # The bucket's policy decides who reads what (README); objects carry no ACL of their own.
        "default_acl": None,
    }
    if media_url:
        url = urlsplit(media_url)
        if url.scheme not in ("http", "https") or not url.netloc:
            raise ImproperlyConfigured(
                "MEDIA_URL must be a full http(s):// address when MEDIA_BUCKET is set."
            )
        options["custom_domain"] = (url.netloc + url.path).rstrip("/")
        options["url_protocol"] = f"{url.scheme}:"
    return {
        "default": {"BACKEND": "website.storage.S3MediaStorage", "OPTIONS": options},
        "pending_uploads": {"BACKEND": "website.storage.S3PendingUploadStorage", "OPTIONS": options},
    }


MEDIA_STORAGES = media_storages(
    env.MEDIA_BUCKET,
    env.AWS_ACCESS_KEY_ID,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_S3_ENDPOINT_URL,
    env.AWS_S3_REGION_NAME,
    env.MEDIA_URL,
)


def media_origin(bucket=None, endpoint_url=None, region=None, media_url=None):
    """Where browsers read public images from, when that is not this site; else None."""
    if not bucket:
        return None
    if media_url or endpoint_url:
        url = urlsplit(media_url or endpoint_url)
        return f"{url.scheme}://{url.netloc}"
    # boto3's addresses for AWS itself: the bucket's host name, with or without the region.
    return f"https://{bucket}.s3.{region}.amazonaws.com" if region else f"https://{bucket}.s3.amazonaws.com"


# Pages name it in their Content-Security-Policy (img-src) when it is another site.
MEDIA_ORIGIN = media_origin(env.MEDIA_BUCKET, env.AWS_S3_ENDPOINT_URL, env.AWS_S3_REGION_NAME, env.MEDIA_URL)
if env.MEDIA_BUCKET and env.MEDIA_URL:
    MEDIA_URL = env.MEDIA_URL.rstrip("/") + "/"
STORAGES = {
    **MEDIA_STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# An upload whose second step (title, alt text) is never completed is deleted after this
# many hours by `manage.py clear_abandoned_uploads`.
ABANDONED_UPLOAD_HOURS = 24

WAGTAIL_SITE_NAME = "Protection International"
WAGTAILADMIN_BASE_URL = env.ADMIN_BASE_URL
# One public search backend per content language (search/conf.py explains why).
WAGTAILSEARCH_BACKENDS = search_backends(
    [code for code, _name in LANGUAGES],
    elasticsearch_url=env.ELASTICSEARCH_URL,
    elasticsearch_version=env.ELASTICSEARCH_VERSION,
    opensearch_url=env.OPENSEARCH_URL,
    opensearch_version=env.OPENSEARCH_VERSION,
    index_prefix=env.SEARCH_INDEX_PREFIX,
)

# Background tasks (search indexing and its retries, PDF text extraction,
# Wagtail's reference index) run in a worker, `manage.py db_worker`, which
# `make run` starts next to the server. django-tasks-db keeps the queue in the
# site's own database: no extra service to run, and a task enqueued while a page
# is published is committed, or rolled back, with the page. Wagtail 8 still
# imports the django-tasks backport, whose @task builds its tasks with the
# configured backend's task class: a Django backend here makes Wagtail's tasks
# Django tasks, so both kinds share this one queue and worker.
INSTALLED_APPS.append("django_tasks_db")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Canonical and sitemap URLs use SITE_BASE_URL when it is set, else the request's host.
CANONICAL_BASE_URL = env.CANONICAL_BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "epub", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Documents are served through Django so that view restrictions on private
# collections are enforced on every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "webp"}
# Refused with a form error (a 4xx in the API) before anything is decoded or stored: a
# decompression bomb (a small file that claims billions of pixels) would take a worker's
# memory. 50 million pixels (frames of an animation counted) is more than a phone's photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# A new translation of a live page waits for review instead of going live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator(deepl_api_key=None, libretranslate_url=None, libretranslate_api_key=""):
    """wagtail-localize's machine translator: DeepL, else LibreTranslate, else none (the default)."""
    if deepl_api_key:
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_api_key},
        }
    if libretranslate_url:
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": libretranslate_url, "API_KEY": libretranslate_api_key or ""},
        }
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    env.DEEPL_API_KEY, env.LIBRETRANSLATE_URL, env.LIBRETRANSLATE_API_KEY
)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Public pages are cacheable by a CDN; a visitor never gets a cookie unless
# they log in to the admin.
PUBLIC_CACHE_MAX_AGE = 300
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No page is framed, not even by this site: Wagtail's preview panel, the only frame
# the admin shows, sets SAMEORIGIN on its own responses (xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"

# Django's own Content-Security-Policy support. Visitors' pages load everything
# from this site and nothing inline: no inline styles, no inline or third-party
# scripts (a script needs the per-response nonce), no plugins, no framing by
# other sites, forms post only here.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The Wagtail admin (and page previews inside it) still runs inline scripts
# from its widgets (`new ImageChooser(...)`), sets inline style attributes and
# shows data:/blob: previews (https://github.com/wagtail/wagtail/issues/1288);
# website.middleware gives it this policy. No nonce here: a nonce makes browsers
# ignore 'unsafe-inline'. Still nothing from another host.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "img-src": [CSP.SELF, "data:", "blob:"],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
}
if MEDIA_ORIGIN:
    # Public images straight from the bucket (MEDIA_BUCKET without MEDIA_URL on this site's domain).
    for policy in (SECURE_CSP, SECURE_CSP_ADMIN):
        policy["img-src"] = [*policy["img-src"], MEDIA_ORIGIN]
# Editors' browsers contact nobody else either: no Gravatar (it would leak a
# hash of each editor's email), no update check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# No `interest-cohort`: FLoC was withdrawn and browsers warn about the unknown feature.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"

# Demo content (accounts with published passwords) may only be loaded where a
# settings module allows it explicitly; production never does.
DEMO_CONTENT_ALLOWED = False


def frontend_cache_settings(
    varnish_url=None, cloudflare_token=None, cloudflare_zone=None, cloudfront_id=None
):
    """WAGTAILFRONTENDCACHE: the caches that publishing purges (website/frontend_cache.py); none by default."""
    backends = {}
    if varnish_url:
        backends["varnish"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish_url,
        }
    if cloudflare_token or cloudflare_zone:
        if not (cloudflare_token and cloudflare_zone):
            raise ImproperlyConfigured("CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID go together.")
        backends["cloudflare"] = {
            "BACKEND": "website.frontend_cache.CloudflareWildcardBackend",
            "BEARER_TOKEN": cloudflare_token,
            "ZONEID": cloudflare_zone,
        }
    if cloudfront_id:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": cloudfront_id,
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_settings(
    env.VARNISH_URL, env.CLOUDFLARE_API_TOKEN, env.CLOUDFLARE_ZONE_ID, env.CLOUDFRONT_DISTRIBUTION_ID
)


def cache_settings(cache_url=None):
    """Django's CACHES: Redis when CACHE_URL names one, else per-process memory (locmem).

    The site keeps serving while Redis is down (website/cache.py), and a dead or
    unreachable Redis must not hold each request: short socket timeouts.
    """
    if not cache_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    if urlsplit(cache_url).scheme not in ("redis", "rediss", "unix"):
        # Not the URL itself: it may hold a password.
        raise ImproperlyConfigured("CACHE_URL must be a redis://, rediss:// or unix:// URL.")
    return {
        "default": {
            "BACKEND": "website.cache.FailSafeRedisCache",
            "LOCATION": cache_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }


CACHES = cache_settings(env.CACHE_URL)
# Parts of public pages kept between requests (website/fragment_cache.py): only in a cache that
# every process shares (Redis), where a publish in one process (an admin request, the task
# worker, cron's publish_scheduled) reaches the others. In per-process memory a second gunicorn
# worker would keep serving what the first one's publish replaced.
FRAGMENT_CACHE = bool(env.CACHE_URL)


def mailer_settings(email_url=None):
    """Django's MAILERS: SMTP when EMAIL_URL names a server, else the console
    (review-workflow notifications then appear in the server's output)."""
    if not email_url:
        return {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    url = urlsplit(email_url)
    if url.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured("EMAIL_URL must be an smtp:// or smtps:// URL.")
    ssl = url.scheme == "smtps"
    options = {
        "host": url.hostname,
        "port": url.port or (465 if ssl else 587),
        "username": unquote(url.username or ""),
        "password": unquote(url.password or ""),
        "use_ssl": ssl,
        "use_tls": not ssl and url.port != 25,  # STARTTLS, except on the unencrypted relay port
        "timeout": 10,
    }
    # Django's SMTP backend, but a failure is logged and never breaks the request
    # that sends the mail (website/mail.py).
    return {"default": {"BACKEND": "website.mail.FailSafeSMTPBackend", "OPTIONS": options}}


MAILERS = mailer_settings(env.EMAIL_URL)
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env.DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL


def logging_settings(admins=()):
    """LOGGING: every warning and error, server errors with their traceback, to stderr,
    one JSON object per line (website/json_logging.py); errors also mailed to
    `admins` when there are any.

    Without it Django prints errors only with DEBUG on, and mails them to ADMINS:
    in production a 500 left no trace at all.
    """
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "formatters": {"json": {"()": "website.json_logging.JsonFormatter"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "json"}
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            # Django's default handlers replaced (a console one that prints only with
            # DEBUG, a mail one): its records go to the root's. Its INFO records (task
            # runs) would drown the rest. runserver's access log (django.server) stays.
            "django": {"handlers": [], "level": "WARNING", "propagate": True},
            # Server errors only: a 4xx answers the caller's mistake and belongs to the
            # access log (crawlers' 404s would fill this one).
            "django.request": {"level": "ERROR"},
            # The search queue's "caught up" after an outage tells operators it is over.
            "search": {"level": "INFO"},
        },
    }
    if admins:
        # Not on the root logger: website.mail logs mails that fail, and mailing
        # that would loop.
        config["handlers"]["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        }
        config["loggers"]["django"]["handlers"] = ["mail_admins"]
    return config


# Who gets server errors by mail (ADMINS=ops@example.org,…); unset: the log only.
ADMINS = env.ADMINS
LOGGING = logging_settings(ADMINS)

# Headless API (the `headless` app; README "API").
FRONTEND_URL = env.FRONTEND_URL
CORS_ALLOWED_ORIGINS = env.CORS_ALLOWED_ORIGINS
# Rich text reaches front ends as display HTML with internal links resolved.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# How long a preview link handed to the front end stays valid.
HEADLESS_PREVIEW_MAX_AGE = 15 * 60
# Days before a person's consent ends when editors are warned (people/consent.py).
PEOPLE_CONSENT_WARNING_DAYS = 30
# Keys API token digests instead of SECRET_KEY (None: SECRET_KEY; upstream/wagtail_api_token_secret.py).
API_TOKEN_SECRET = env.API_TOKEN_SECRET
if FRONTEND_URL:
    # The admin's preview panel frames the front end; public pages never do.
    SECURE_CSP_ADMIN["frame-src"] = [CSP.SELF, FRONTEND_URL]
