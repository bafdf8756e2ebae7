"""Every workaround that patches Wagtail, wagtail-localize or django-ninja, in one home.

One module per gap, named after what it patches (`wagtail_…`, `localize_…`).
Each docstring names the gap, its upstream issue (or the text to file, in
upstream/ISSUES.md) and when to delete it; each has a canary in tests/upstream/
that runs upstream's own behaviour (kept as `UPSTREAM_…`) and fails, saying
"upstream fixed <gap>: delete upstream/<module>.py", once upstream has fixed it.

Two moments apply them, each in the order of its list below, whatever the
order of INSTALLED_APPS:

1. `apply()`, from this app's AppConfig.ready() (upstream/apps.py): patches of classes and
   functions that exist once the models are loaded. None of them imports API
   v3's registry (headless must register its field representations first).
2. `apply_to_api(api)`, from headless/api.py, which builds the API: patches of
   v3's routers and schemas (importing them builds the page schemas) and of
   the API object (exception handlers, operation decorators).

One workaround is no patch but a replacement that the settings name:
`wagtail_redirect_query_string.QueryKeepingRedirectMiddleware` in MIDDLEWARE.

The home imports Wagtail, Django, ninja and the website core only. A patch
that needs a feature app's policy is handed it by that app's ready()
(`localize_translation_views.use_permissions`, `wagtail_api_bad_input.use_search_limits`),
and refuses (ImproperlyConfigured) rather than fall back to upstream's wider
behaviour until then.

Our own features built on public hooks (wagtail_hooks, signals, ninja's
renderer, Wagtail's field-schema registry) are not workarounds: they stay in
their app.
"""

from importlib import import_module

STARTUP = (
    "upstream.wagtail_page_editor_autosave",
    "upstream.wagtail_reference_index_deleted_objects",
    "upstream.wagtail_stream_form_data",
    "upstream.wagtail_api_token_secret",
    "upstream.wagtail_uploaded_file_storage",
    "upstream.wagtail_image_pixel_check",
    "upstream.wagtail_api_base_url",
    "upstream.wagtail_locale_lookups",
    "upstream.wagtail_route_from_root",
    # Before the registry builds the page schemas (when the URLconf is first loaded).
    "upstream.wagtail_api_property_types",
    "upstream.wagtail_api_page_discriminator",
    # Before any router is built: each paginated view reads its paginator's Input when decorated.
    "upstream.wagtail_api_bad_input",
    "upstream.localize_translation_views",
    "upstream.localize_image_alt_text",
    "upstream.localize_draft_translations",
    "upstream.modelsearch_indexed_text",
)

# Operation decorators are added in this order (the write guard first, as before).
API = (
    "upstream.wagtail_api_translation_writes",
    "upstream.wagtail_api_bad_input",
    "upstream.wagtail_api_visibility",
    "upstream.wagtail_api_find_language_prefix",
)

_applied = set()


def _apply_once(modules, moment, *args):
    for name in modules:
        if (name, moment) not in _applied:
            getattr(import_module(name), moment)(*args)
            _applied.add((name, moment))


def apply():
    _apply_once(STARTUP, "apply")


def apply_to_api(api):
    _apply_once(API, "apply_to_api", api)
