"""GET preview/?token=…: the unsaved draft behind a preview token, shaped like route/."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail

from headless.routers.route import page_route
from headless.schemas import RouteSchema
from website.frontend_preview import load_preview

router = Router(tags=["preview"])

# The id a page previewed before its first save has: v3's page schema needs one.
NEW_PAGE_ID = 0


@router.get(
    "/",
    response={200: RouteSchema, 403: ProblemDetail, 422: ProblemDetail},
    url_name="headless_preview",
    summary="Read a page preview",
    description=(
        "Returns the unsaved draft an editor is previewing, in the same shape as `route/`. The token "
        "comes from Wagtail's preview when `FRONTEND_URL` is set; a forged or expired token gives 403. "
        "A page previewed before its first save has id 0 and no URL. Responses are never cached and "
        "carry `X-Robots-Tag: noindex`."
    ),
    operation_id="preview",
    auth=[AllowAnonymous()],
)
def preview(request: HttpRequest, token: str = Query(..., min_length=1, max_length=512)):
    request.headless_preview = True
    try:
        page = load_preview(token)
    except PermissionDenied as error:
        # v3 turns an anonymous PermissionDenied into 401; a token is not a login.
        raise HttpError(403, str(error)) from error
    if page.pk is None:
        page.id = NEW_PAGE_ID  # only the schema's id: page.pk stays None, so nothing treats it as saved
    return page_route(page, request)
