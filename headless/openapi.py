"""The OpenAPI document describes the API as it answers: its errors, limits and security.

django-ninja documents only the statuses an operation declares, and every
response as `application/json`; this API answers every error as
`application/problem+json` (RFC 9457, `ProblemDetail`). `document_errors`
adds to each operation the 4xx statuses it can answer, with that schema and
media type, so that clients (and the schemathesis contract test) can rely
on them:

- 400 wherever there are parameters or a body: a NUL in the path, an
  unparseable or too deeply nested body (headless.middleware), `limit` over
  the server's cap, a `search` beyond the site's search limits;
- 401 everywhere: a bearer token that is not valid is refused on every
  endpoint (headless.api_tokens), with its `WWW-Authenticate` challenge;
- 403 where a bearer token may or must be given;
- 404 where the path, a parameter or the body names an object (v3 looks up
  `site`, `child_of`, `parent_id`, … and answers 404 for one that does not
  exist), and for the `find/` and `route/` look-ups;
- 409 for the page writes that upstream.wagtail_api_translation_writes may refuse;
- 413 for every write: a body over headless.middleware.MAX_JSON_BODY;
- 422 wherever there are parameters or a body to validate.

Operations that no URL can reach are left out: v3 lists its `snippets/{type}/`
operations even when no snippet model is exposed to the API, with `type`
allowed to be "" only, and an empty path segment never matches.

v3's `find/` look-ups never answer 200: they redirect (302) to the detail
URL of what they found, which the document now says.

The document also passes Redocly's recommended ruleset with no error
(tests/headless/test_openapi_lint.py runs it):

- paths are written without their trailing slash (`no-path-trailing-slash`);
  the API answers both spellings (headless.api.urls), so a generated client
  works whichever it uses;
- `servers` names this site (`no-empty-servers`);
- v3's write schemas put the rich text features on a property as `features`,
  a keyword JSON Schema does not have (`struct`); they become
  `x-rich-text-features`, as the read schemas already say them;
- a union whose members all have a constant `type` (the page types, with
  upstream.wagtail_api_page_discriminator; StreamField blocks already have one)
  gets the OpenAPI `discriminator` with its mapping, so that clients narrow by it
  (`no-illogical-composition-keywords`);
- an optional request body is its schema alone: v3 wraps it in a one-member
  `allOf` with the model's defaults as `default`, which generated clients
  cannot express (openapi-python-client drops the unpublish, copy and
  create_alias operations: "ModelProperty cannot have a default value"), and
  each property states its own default already;
- the content languages are one component, `ContentLanguage`, which every
  parameter taking one refers to: inline, each became its own enum class in
  generated clients;
- components that no operation uses (v3's parameter models, unexposed snippet
  and upload schemas) are left out (`no-unused-components`).

It also states the limits the server keeps (`limit`'s maximum, `search`'s
length and terms), and expresses anonymous access as OpenAPI does, with an
empty security requirement: v3 declares it as an `http` security scheme
without a `scheme` (`AllowAnonymous`), which is not valid OpenAPI and tells
tools that an Authorization header is needed.
"""

from math import inf

from django.conf import settings
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

# v3's own reading of WAGTAILAPI_LIMIT_MAX, so that the schema says the cap the paginator keeps.
from wagtail.api.v3.pagination import _get_max_limit

from headless.api_tokens import CHALLENGE, INVALID_TOKEN_CHALLENGE
from headless.middleware import BODY_METHODS, MAX_JSON_BODY
from search.query import MAX_QUERY_LENGTH, MAX_TERMS
from upstream.wagtail_api_translation_writes import ACTIONS_ON_A_COPY, READS

PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetail"}
DESCRIPTIONS = {
    400: "Bad request: a value in the path, a parameter or the body cannot be used (see `detail`)",
    401: "Authentication required, or the bearer token is not valid",
    403: "Permission denied",
    404: "Not found",
    409: "Conflict: the page is a synchronised translation",
    413: f"The request body is larger than {MAX_JSON_BODY} bytes",
    422: "Validation failed: see `errors`",
}
AUTHENTICATE_HEADER = {
    "WWW-Authenticate": {
        "description": f"`{CHALLENGE}`, or `{INVALID_TOKEN_CHALLENGE}` for a token that is not valid",
        "schema": {"type": "string"},
    }
}
ANONYMOUS_SCHEME = "AllowAnonymous"
FOUND = {
    "description": "Found: a redirect to the detail URL of what was found (other parameters kept)",
    "headers": {"Location": {"description": "The detail URL", "schema": {"type": "string"}}},
}
LOOKUPS = ("/find/", "/route/")
# Relative to the document: the site that serves it.
SERVERS = [{"url": "/", "description": "This site"}]
REF_PREFIX = "#/components/schemas/"


def _parameter(operation, name):
    return next(
        (parameter for parameter in operation.get("parameters", []) if parameter["name"] == name), None
    )


def _document_search_limits(operation):
    """upstream.wagtail_api_bad_input bounds `search` as the site's search does; a longer one is a 400."""
    search = _parameter(operation, "search")
    if search is None:
        return
    for branch in search["schema"].get("anyOf", [search["schema"]]):
        if branch.get("type") == "string":
            branch["maxLength"] = MAX_QUERY_LENGTH
    search["description"] = (
        f"Full-text search: at most {MAX_QUERY_LENGTH} characters and at most {MAX_TERMS} terms "
        "(separated by spaces); beyond either, a 400."
    )


def _document_limit(operation):
    """v3's paginator refuses a `limit` over WAGTAILAPI_LIMIT_MAX (a 400); ninja's schema omits it."""
    limit = _parameter(operation, "limit")
    max_limit = _get_max_limit()
    if limit is not None and max_limit != inf:
        limit["schema"]["maximum"] = int(max_limit)


def _express_anonymous_access(schema):
    """v3's `AllowAnonymous` scheme becomes the empty requirement: no credentials at all."""
    schema["components"].get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)
    for operations in schema["paths"].values():
        for operation in operations.values():
            if "security" in operation:
                operation["security"] = [
                    {} if ANONYMOUS_SCHEME in requirement else requirement
                    for requirement in operation["security"]
                ]


def _unreachable(operation):
    """A path parameter that can only be empty (v3's snippet `type` when no snippet is exposed)."""
    return any(
        parameter["in"] == "path" and parameter["schema"].get("const") == ""
        for parameter in operation.get("parameters", [])
    )


def _drop_unreachable_operations(schema):
    for path, operations in list(schema["paths"].items()):
        for method, operation in list(operations.items()):
            if _unreachable(operation):
                del operations[method]
        if not operations:
            del schema["paths"][path]


def _refused_for_translations(path, method):
    """The operations upstream.wagtail_api_translation_writes guards: every write to one existing page
    of v3's page router, except the actions that make a copy."""
    action = path.rstrip("/").rsplit("/", 1)[-1]
    return method.upper() not in READS and "/pages/{page_id}/" in path and action not in ACTIONS_ON_A_COPY


def _statuses(path, method, operation):
    statuses = {401}
    if method.upper() in BODY_METHODS:
        statuses.update((400, 413))
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.add(400)
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.add(422)
    if "{" in path or path.endswith(LOOKUPS) or operation.get("parameters") or operation.get("requestBody"):
        statuses.add(404)
    if any("BearerTokenAuth" in requirement for requirement in operation.get("security", [])):
        statuses.add(403)
    if _refused_for_translations(path, method):
        statuses.add(409)
    return statuses


def _without_trailing_slash(path):
    return path.rstrip("/") or "/"


def _strip_trailing_slashes(schema):
    schema["paths"] = {
        _without_trailing_slash(path): operations for path, operations in schema["paths"].items()
    }


def _rich_text_features_as_extension(node):
    """v3's write schemas say a rich text property's features as `features`: an `x-` keyword instead."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            for prop in properties.values():
                if isinstance(prop, dict) and isinstance(prop.get("features"), list):
                    prop.setdefault("x-rich-text-features", prop.pop("features"))
        for value in node.values():
            _rich_text_features_as_extension(value)
    elif isinstance(node, list):
        for value in node:
            _rich_text_features_as_extension(value)


def _constant_type(schema, component):
    """The `type` constant of the component `component` ({"$ref": …}) refers to, or None."""
    ref = component.get("$ref", "")
    target = schema["components"]["schemas"].get(ref.removeprefix(REF_PREFIX), {})
    return target.get("properties", {}).get("type", {}).get("const")


def _discriminate_unions(schema, node):
    """Each `oneOf` whose members all have a constant `type` gets the discriminator naming it."""
    if isinstance(node, dict):
        members = node.get("oneOf")
        if isinstance(members, list) and members and "discriminator" not in node:
            constants = [_constant_type(schema, member) for member in members]
            if all(constants) and len(set(constants)) == len(constants):
                node["discriminator"] = {
                    "propertyName": "type",
                    "mapping": {
                        constant: member["$ref"] for constant, member in zip(constants, members, strict=True)
                    },
                }
        for value in node.values():
            _discriminate_unions(schema, value)
    elif isinstance(node, list):
        for value in node:
            _discriminate_unions(schema, value)


def _plain_optional_bodies(schema):
    for operations in schema["paths"].values():
        for operation in operations.values():
            for media in operation.get("requestBody", {}).get("content", {}).values():
                body = media.get("schema", {})
                if len(body.get("allOf", [])) == 1 and set(body) <= {"allOf", "default"}:
                    media["schema"] = body["allOf"][0]


CONTENT_LANGUAGE = "ContentLanguage"


def _content_languages_as_one_component(schema):
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    ref = {"$ref": f"{REF_PREFIX}{CONTENT_LANGUAGE}"}

    def replace(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if (
                    isinstance(value, dict)
                    and value.get("enum") == languages
                    and value.get("type") == "string"
                ):
                    rest = {k: v for k, v in value.items() if k in ("default", "description")}
                    node[key] = {**ref, **rest}
                else:
                    replace(value)
        elif isinstance(node, list):
            for value in node:
                replace(value)

    replace(schema["paths"])
    replace(schema["components"]["schemas"])
    schema["components"]["schemas"][CONTENT_LANGUAGE] = {
        "title": CONTENT_LANGUAGE,
        "description": "A content language: the language of a page, and the first segment of its path",
        "type": "string",
        "enum": languages,
    }


def _references(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            found.add(ref[len(REF_PREFIX) :])
        for value in node.values():
            _references(value, found)
    elif isinstance(node, list):
        for value in node:
            _references(value, found)
    return found


def _drop_unused_components(schema):
    """Keep the schemas the paths use, directly or through other schemas."""
    components = schema["components"]["schemas"]
    used = _references(schema["paths"], set())
    pending = list(used)
    while pending:
        for name in _references(components.get(pending.pop(), {}), set()) - used:
            used.add(name)
            pending.append(name)
    schema["components"]["schemas"] = {name: value for name, value in components.items() if name in used}


def document_errors(schema):
    """`schema` (an OpenAPI dict) with each operation's 4xx documented as problem+json, its
    limits stated and anonymous access expressed as OpenAPI means it."""
    schema["components"]["schemas"].setdefault(
        "ProblemDetail", ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    _drop_unreachable_operations(schema)
    _express_anonymous_access(schema)
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            _document_search_limits(operation)
            _document_limit(operation)
            # ninja keys responses by int; keep whatever a response already has.
            responses = {int(code): response for code, response in operation.get("responses", {}).items()}
            statuses = _statuses(path, method, operation) | {code for code in responses if 400 <= code < 500}
            for status in statuses:
                response = responses.setdefault(status, {"description": DESCRIPTIONS.get(status, "Error")})
                response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
            responses[401]["headers"] = AUTHENTICATE_HEADER
            if path.endswith("/find/"):
                responses.pop(200, None)
                responses[302] = FOUND
            operation["responses"] = responses
    _strip_trailing_slashes(schema)
    _rich_text_features_as_extension(schema["components"]["schemas"])
    _discriminate_unions(schema, schema["paths"])
    _plain_optional_bodies(schema)
    _content_languages_as_one_component(schema)
    _discriminate_unions(schema, schema["components"]["schemas"])
    _drop_unused_components(schema)
    schema["servers"] = SERVERS
    return schema
