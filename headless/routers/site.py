"""GET site/: the frame around every page (plone.restapi's `@site`); public, unlike v3's sites/."""

from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Site

from headless.components import CONTENT_LANGUAGES
from website.languages import language_name
from website.models import OrganisationSettings
from website.site_links import LINKED_PAGES
from website.visibility import public_link_target, public_translations

router = Router(tags=["site"])


class LanguageSchema(Schema):
    code: str
    name: str
    home_url: str | None


class LinkedPageSchema(Schema):
    id: int
    title: str
    url: str


class SocialProfileSchema(Schema):
    name: str
    url: str


class OrganisationSchema(Schema):
    name: str
    contact_email: str
    postal_address: str
    donate_url: str
    social_profiles: list[SocialProfileSchema]
    # The pages chosen in the settings, in the site's default language where public (else null);
    # a front end finds their translations through the pages API.
    contact_page: LinkedPageSchema | None
    privacy_page: LinkedPageSchema | None
    legal_page: LinkedPageSchema | None


class SiteInfoSchema(Schema):
    name: str
    default_language: str
    languages: list[LanguageSchema]
    organisation: OrganisationSchema


def _linked_page(page, request):
    target = public_link_target(page.specific if page else None, settings.LANGUAGE_CODE)
    if target is None:
        return None
    return {"id": target.pk, "title": target.title, "url": target.get_url(request)}


@router.get(
    "/",
    response=SiteInfoSchema,
    url_name="headless_site",
    summary="Site name, languages, footer and contact data",
    operation_id="site",
    auth=[AllowAnonymous()],
)
def site_info(request: HttpRequest):
    site = Site.find_for_request(request)
    homes = {}
    if site is not None:
        homes = public_translations(site.root_page)
    organisation = OrganisationSettings.load(request_or_site=request)
    return {
        "name": (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME,
        "default_language": settings.LANGUAGE_CODE,
        "languages": [
            {
                "code": code,
                "name": language_name(code),
                "home_url": homes[code].get_url(request) if code in homes else None,
            }
            for code in CONTENT_LANGUAGES
        ],
        "organisation": {
            "name": organisation.organisation_name,
            "contact_email": organisation.contact_email,
            "postal_address": organisation.postal_address,
            "donate_url": organisation.donate_url,
            "social_profiles": [{"name": name, "url": url} for name, url in organisation.social_profiles()],
            **{name: _linked_page(getattr(organisation, name), request) for name in LINKED_PAGES},
        },
    }
