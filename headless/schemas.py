"""Response shapes of the headless routers, shared by route/ and preview/."""

from ninja import Schema
from wagtail.api.v3.routers.pages import PageDetailSchema


class BreadcrumbSchema(Schema):
    id: int | None
    title: str
    url: str | None


class TranslationSchema(Schema):
    language: str
    language_name: str
    id: int
    title: str
    url: str | None


class RouteRedirectSchema(Schema):
    location: str
    permanent: bool


class RouteSchema(Schema):
    """A page with everything a front end needs to render it, or the redirect to follow instead."""

    page: PageDetailSchema | None = None
    breadcrumbs: list[BreadcrumbSchema] = []
    translations: list[TranslationSchema] = []
    redirect: RouteRedirectSchema | None = None
