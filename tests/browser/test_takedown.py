"""A moderator takes a programme page down in English, French and Spanish at once; an
anonymous visitor then finds it on no surface; the dashboard and each page's log say who and why."""

import re

from wagtail.models import Page, PageLogEntry

from conftest import translate_page
from home.demo_users import DEMO_PASSWORD
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeIndexPage
from resources.factories import DocumentFactory
from resources.models import ResourceIndexPage

from .test_editor import log_in

TITLES = {"en": "Urgent shelter network", "fr": "Réseau d’abri d’urgence", "es": "Red de refugio urgente"}
REASON = "The shelter addresses in the report put the families at risk."


def surfaces(visit, pages, document_url):
    """{surface: whether an anonymous visitor still gets the programme there}."""
    seen = {}
    request = visit.page.request
    for code, page in pages.items():
        title = TITLES[code]
        seen[f"page {code}"] = request.get(visit.url(page["url"])).status == 200
        index = request.get(visit.url(page["index_url"])).text()
        seen[f"listing {code}"] = title in index
        search = request.get(visit.url(f"/{code}/search/"), params={"q": title}).text()
        seen[f"search {code}"] = page["url"] in search
        api_search = request.get(visit.url("/api/v3/search/"), params={"q": title, "locale": code}).json()
        seen[f"api search {code}"] = page["id"] in [hit["id"] for hit in api_search["results"]]
        route = request.get(visit.url("/api/v3/route/"), params={"path": page["url"]})
        seen[f"api route {code}"] = route.status == 200
        seen[f"api page {code}"] = request.get(visit.url(f"/api/v3/pages/{page['id']}/")).status == 200
        feed = request.get(visit.url(page["library_url"] + "feed/")).text()
        seen[f"feed {code}"] = title in feed or page["url"] in feed
    # /sitemap.xml is an index: the URLs are in the sitemaps it lists.
    index = request.get(visit.url("/sitemap.xml")).text()
    sitemap = "".join(
        request.get(visit.url(f"/sitemap-{number}.xml")).text()
        for number in range(1, index.count("<sitemap>") + 1)
    )
    seen["sitemap"] = any(page["url"] in sitemap for page in pages.values())
    seen["document"] = request.get(visit.url(document_url), max_redirects=0).status == 200
    return seen


def test_moderator_takes_a_programme_down_in_every_language(new_visit, orm):
    from playwright.sync_api import expect

    with orm():
        document = DocumentFactory(title="Shelter report", filename="shelter-report.pdf")
        source = ProgrammePageFactory(
            parent=ProgrammeIndexPage.objects.get(locale__language_code="en"),
            title=TITLES["en"],
            slug="urgent-shelter-network",
            summary="Safe houses for defenders who must leave home overnight.",
            body=[{"type": "document_link", "value": {"document": document.pk, "label": ""}}],
        )
        source.save_revision().publish()
        translations = {
            code: translate_page(source, code, title=TITLES[code], slug=f"urgent-shelter-{code}")
            for code in ("fr", "es")
        }
        pages = {}
        for code, page in {"en": source, **translations}.items():
            pages[code] = {
                "id": page.pk,
                "url": page.get_url(),
                "index_url": page.get_parent().get_url(),
                "library_url": ResourceIndexPage.objects.get(locale__language_code=code).get_url(),
            }
        document_url = document.url

    visitor = new_visit(javascript=False)
    before = surfaces(visitor, pages, document_url)
    # Feeds list publications, not programmes: they must simply never show it.
    missing = [surface for surface, seen in before.items() if not seen and not surface.startswith("feed")]
    assert missing == [], before

    moderator = new_visit()
    log_in(moderator, "moderator", DEMO_PASSWORD)
    moderator.goto(f"/admin/pages/{pages['fr']['id']}/edit/")
    moderator.page.locator("header").get_by_role("button", name=re.compile("Actions|More")).first.click()
    moderator.page.get_by_role("link", name="Take down").click()
    moderator.page.wait_for_url(re.compile(rf"/admin/takedown/pages/{pages['fr']['id']}/"))
    main = moderator.page.locator("main")
    for title in TITLES.values():
        expect(main).to_contain_text(title)
    moderator.page.get_by_label("Why must it come off at once?").fill(REASON)
    moderator.page.get_by_role("button", name="Take down now").click()
    moderator.page.wait_for_url(moderator.url("/admin/"))
    expect(moderator.page.locator(".messages")).to_contain_text("3 page(s) unpublished in every language")
    expect(moderator.page.locator("#takedowns-content")).to_contain_text(REASON)

    after = surfaces(visitor, pages, document_url)
    assert not any(after.values()), {surface: seen for surface, seen in after.items() if seen}

    with orm():
        for page in pages.values():
            entry = PageLogEntry.objects.get(page_id=page["id"], action="pi.takedown")
            assert entry.user.username == "moderator" and entry.data["reason"] == REASON
            assert entry.message == f"Taken down in every language: {REASON}"
    with orm():
        assert not Page.objects.filter(pk__in=[page["id"] for page in pages.values()], live=True).exists()
    assert moderator.csp_violations() == [] and visitor.foreign_requests() == []
