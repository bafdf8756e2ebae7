"""The OpenAPI document shows the errors the API answers, as it answers them.

django-ninja documents only the statuses an operation declares, and every
response as `application/json`; this API answers every error as
`application/problem+json` (RFC 9457, `ProblemDetail`). `document_errors`
adds to each operation the 4xx statuses it can answer, with that schema and
media type, so that clients (and the schemathesis contract test) can rely
on them:

- 400 where a `search` goes beyond the site's search limits (its schema
  says them);
- 422 wherever there are parameters or a body to validate;
- 404 where the path names an object, and for the `find/` and `route/` look-ups;
- 401 and 403 where a bearer token may or must be given;
- 409 for the page writes that `headless.write_guard` may refuse.
"""

from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

from search.query import MAX_QUERY_LENGTH, MAX_TERMS

PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetail"}
DESCRIPTIONS = {
    400: "Bad request: a parameter's value cannot be used",
    401: "Authentication required: no valid bearer token",
    403: "Permission denied",
    404: "Not found",
    409: "Conflict: the page is a synchronised translation",
    422: "Validation failed: see `errors`",
}
LOOKUPS = ("/find/", "/route/")
# v3's operations for the views headless.write_guard covers.
GUARDED_OPERATIONS = {
    "pages_update",
    "pages_delete",
    *(
        f"pages_actions_{name}"
        for name in ("publish", "unpublish", "revert", "move", "delete", "convert_alias")
    ),
}


def _parameter(operation, name):
    return next(
        (parameter for parameter in operation.get("parameters", []) if parameter["name"] == name), None
    )


def _document_search_limits(operation):
    """headless.bad_input bounds `search` as the site's search does; a longer one is a 400."""
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


def _statuses(path, operation):
    statuses = set()
    if _parameter(operation, "search"):
        statuses.add(400)
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.add(422)
    if "{" in path or path.endswith(LOOKUPS):
        statuses.add(404)
    if any("BearerTokenAuth" in requirement for requirement in operation.get("security", [])):
        statuses.update((401, 403))
    if operation.get("operationId") in GUARDED_OPERATIONS:
        statuses.add(409)
    return statuses


def document_errors(schema):
    """`schema` (an OpenAPI dict) with each operation's 4xx documented as problem+json."""
    schema["components"]["schemas"].setdefault(
        "ProblemDetail", ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            _document_search_limits(operation)
            # ninja keys responses by int; keep whatever a response already has.
            responses = {int(code): response for code, response in operation.get("responses", {}).items()}
            for status in _statuses(path, operation) | {code for code in responses if 400 <= code < 500}:
                response = responses.setdefault(status, {"description": DESCRIPTIONS.get(status, "Error")})
                response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
            operation["responses"] = responses
    return schema
