"""Response shapes of the headless routers, shared by route/ and preview/."""

from ninja import Field, Schema
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


class AlternateSchema(Schema):
    hreflang: str = Field(description="A content language, or `x-default` (the source language's page)")
    href: str = Field(description="Absolute URL")


class SocialImageSchema(Schema):
    url: str = Field(description="Absolute URL of a 1200×630 JPEG")
    width: int
    height: int
    alt: str


class PageHeadSchema(Schema):
    """What the HTML site puts in a page's <head>, resolved with its fallbacks."""

    url: str | None = Field(
        description="The page's own path (null for a new page's preview); a front end serving another spelling redirects here"
    )
    title: str = Field(description="The SEO title, else the page title")
    description: str = Field(
        description="The search description, else the summary or introduction (160 characters at most)"
    )
    canonical: str = Field(description="Absolute canonical URL")
    robots: str = Field(description="The robots meta value")
    og_type: str = Field(description="`website` for a home page, else `article`")
    og_locale: str
    og_image: SocialImageSchema | None = Field(
        description="The social image, else the hero image; null if neither is public"
    )
    alternates: list[AlternateSchema] = Field(description="One per live translation, and x-default")


class RouteRedirectSchema(Schema):
    location: str
    permanent: bool


class RouteViewSchema(Schema):
    """A public URL that is not a page: the search page, or a view of a routable page (a feed)."""

    name: str = Field(description="`search`, or the routable page's route name (`feed_view`)")
    url: str = Field(
        description="Absolute URL of what the HTML site serves there (an RSS feed is served as is)"
    )
    api_url: str | None = Field(description="The API endpoint with the same content, where there is one")
    page: BreadcrumbSchema | None = Field(
        description="The page the view belongs to, for a routable page's view"
    )


class RouteSchema(Schema):
    """A page with everything a front end needs to render it, or the redirect to follow instead."""

    page: PageDetailSchema | None = None
    head: PageHeadSchema | None = None
    breadcrumbs: list[BreadcrumbSchema] = []
    translations: list[TranslationSchema] = []
    redirect: RouteRedirectSchema | None = None
    view: RouteViewSchema | None = None
