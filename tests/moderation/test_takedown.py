"""A moderator takes a page (or a person) off every surface in every language at once, and back."""

import pytest
from django.core.cache import cache
from wagtail.models import PageLogEntry

from moderation.models import Takedown
from moderation.takedown import restore, take_down
from people.factories import PersonFactory
from people.models import PersonPhoto
from programmes.models import ProgrammePage
from resources.factories import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from website.factories import CustomImageFactory
from website.frontend_preview import load_preview, store_preview
from website.visibility import restricted_collection_ids

pytestmark = pytest.mark.django_db

REASON = "The defender's family was threatened after the article appeared."


@pytest.fixture
def programme(roles):
    """The programme in English, French and Spanish, linking a document, listed on its index."""
    document = DocumentFactory(title="Field report", filename="field-report.pdf")
    pages = {}
    for language in ("en", "fr", "es"):
        page = roles[language]["programme"]
        page.body = [{"type": "document_link", "value": {"document": document.pk, "label": ""}}]
        page.save_revision().publish()
        pages[language] = ProgrammePage.objects.get(pk=page.pk)
    return {"pages": pages, "document": document, "indexes": {code: roles[code]["index"] for code in pages}}


def photo_withheld(image):
    image.refresh_from_db()
    return image.collection_id in restricted_collection_ids()


def served(client, programme):
    """What an anonymous visitor still gets of the programme, surface by surface."""
    pages, document = programme["pages"], programme["document"]
    seen = {}
    for code, page in pages.items():
        seen[f"html {code}"] = client.get(page.url).status_code == 200
        index = programme["indexes"][code]
        seen[f"cards {code}"] = page.title in client.get(index.url).content.decode()
        api_cards = client.get("/api/v3/route/", {"path": index.url}).json()["page"]["programme_cards"]
        seen[f"api cards {code}"] = page.pk in [card["id"] for card in api_cards]
        seen[f"api route {code}"] = client.get("/api/v3/route/", {"path": page.url}).status_code == 200
        seen[f"api page {code}"] = client.get(f"/api/v3/pages/{page.pk}/").status_code == 200
        search = client.get(f"/{code}/search/", {"q": page.title}, follow=True).content.decode()
        seen[f"search {code}"] = page.url in search
        api_search = client.get("/api/v3/search/", {"q": page.title, "locale": code}).content.decode()
        seen[f"api search {code}"] = f'"id":{page.pk},' in api_search.replace(" ", "")
    # /sitemap.xml is an index: the URLs are in the sitemaps it lists.
    index = client.get("/sitemap.xml").content.decode()
    sitemap = "".join(
        client.get(f"/sitemap-{number}.xml").content.decode()
        for number in range(1, index.count("<sitemap>") + 1)
    )
    seen["sitemap"] = any(page.url in sitemap for page in pages.values())
    seen["document"] = client.get(document.url).status_code == 200
    seen["document link"] = document.url in client.get(pages["en"].url).content.decode()
    return seen


def test_a_takedown_leaves_nothing_on_any_surface_and_restoring_puts_it_back(client, programme, moderator):
    before = served(client, programme)
    assert all(before.values()), before

    record = take_down(user=moderator, reason=REASON, page=programme["pages"]["fr"])

    after = served(client, programme)
    assert not any(after.values()), {surface: seen for surface, seen in after.items() if seen}
    assert len(record.pages) == 3 and list(record.documents) == [str(programme["document"].pk)]
    for page in programme["pages"].values():
        entry = PageLogEntry.objects.filter(page=page, action="pi.takedown").get()
        assert entry.user == moderator and entry.data["reason"] == REASON

    restore(record, user=moderator)
    assert all(served(client, programme).values())
    assert PageLogEntry.objects.filter(action="pi.takedown_reversed").count() == 3


def test_a_takedown_revokes_the_pages_preview_tokens(
    programme, moderator, django_capture_on_commit_callbacks
):
    token = store_preview(programme["pages"]["es"])
    assert load_preview(token).title == programme["pages"]["es"].title
    with django_capture_on_commit_callbacks(execute=True):
        take_down(user=moderator, reason=REASON, page=programme["pages"]["en"])
    with pytest.raises(Exception, match="expired"):
        load_preview(token)
    assert cache.get(f"headless-preview-index:{programme['pages']['en'].translation_key}") is None


def test_a_pending_approval_cannot_bring_a_taken_down_page_back(programme, moderator, editor):
    page = programme["pages"]["en"]
    page.title = "Renamed"
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    assert page.current_workflow_state is not None
    take_down(user=moderator, reason=REASON, page=page)
    page = ProgrammePage.objects.get(pk=page.pk)
    assert page.current_workflow_state is None and not page.live


def test_a_publication_taken_down_leaves_the_feed(client, roles, moderator):
    library = ResourceIndexPageFactory(parent=roles["en"]["home"])
    publication = ResourcePageFactory(parent=library, title="Hotline manual")
    ResourceFileFactory(page=publication, document=DocumentFactory(), language="en")
    publication.save_revision().publish()
    assert "Hotline manual" in client.get(library.url + "feed/").content.decode()
    take_down(user=moderator, reason=REASON, page=publication)
    assert "Hotline manual" not in client.get(library.url + "feed/").content.decode()


def test_a_person_taken_down_takes_every_page_mentioning_them_and_their_photos(
    client, programme, moderator, django_capture_on_commit_callbacks
):
    person = PersonFactory(name="Ana Quispe")
    photo = CustomImageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        PersonPhoto.objects.create(person=person, image=photo)
    page = programme["pages"]["en"]
    page.people = [("person", {"person": person, "role": ""})]
    page.save_revision().publish()
    assert "Ana Quispe" in client.get(page.url).content.decode()

    assert not photo_withheld(photo)
    with django_capture_on_commit_callbacks(execute=True):
        record = take_down(user=moderator, reason=REASON, person=person)

    assert client.get(page.url).status_code == 404 and photo_withheld(photo)
    person.refresh_from_db()
    assert person.taken_down_at is not None
    # Every translation mentions whom its source mentions: all come off.
    assert sorted(entry["page"] for entry in record.pages) == sorted(
        p.pk for p in programme["pages"].values()
    )
    with django_capture_on_commit_callbacks(execute=True):
        restore(record, user=moderator)
    person.refresh_from_db()
    assert person.taken_down_at is None and "Ana Quispe" in client.get(page.url).content.decode()
    assert not photo_withheld(photo)


def test_the_moderator_takes_down_through_the_admin_with_a_reason(client, programme, moderator):
    client.force_login(moderator)
    url = f"/admin/takedown/pages/{programme['pages']['en'].pk}/"
    form = client.get(url)
    assert form.status_code == 200 and "Plaidoyer juridique" in form.content.decode()
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 302
    record = Takedown.objects.get()
    assert record.taken_by == moderator and record.reason == REASON
    dashboard = client.get("/admin/").content.decode()
    assert f'data-takedown="{record.pk}"' in dashboard
    client.post(f"/admin/takedown/{record.pk}/restore/")
    client.logout()
    assert client.get(programme["pages"]["en"].url).status_code == 200


def test_editors_and_translators_may_not_take_down(client, programme, editor, translator_es):
    url = f"/admin/takedown/pages/{programme['pages']['en'].pk}/"
    for user in (editor, translator_es):
        client.force_login(user)
        # Wagtail's admin answers a refusal by sending the user to the dashboard with a message.
        response = client.post(url, {"reason": REASON}, follow=True)
        assert "do not have permission" in response.content.decode()
    assert ProgrammePage.objects.get(pk=programme["pages"]["en"].pk).live
    assert not Takedown.objects.exists()


def test_the_moderator_takes_a_person_down_from_the_people_listing(client, programme, moderator):
    person = PersonFactory(name="Ana Quispe")
    client.force_login(moderator)
    listing = client.get("/admin/snippets/people/person/").content.decode()
    url = f"/admin/takedown/people/{person.pk}/"
    assert url in listing
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": REASON}).status_code == 302
    person.refresh_from_db()
    assert person.taken_down_at is not None
    assert client.get("/admin/takedown/people/999999/").status_code == 404
    assert client.get(f"/admin/takedown/{Takedown.objects.get().pk}/restore/").status_code == 405


def test_each_translations_history_shows_its_takedown_and_restore(client, programme, moderator):
    """Through the admin, where one request logs every translation's entries."""
    client.force_login(moderator)
    client.post(f"/admin/takedown/pages/{programme['pages']['en'].pk}/", {"reason": REASON})
    client.post(f"/admin/takedown/{Takedown.objects.get().pk}/restore/")
    for page in programme["pages"].values():
        history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
        assert f"Taken down in every language: {REASON}" in history.replace("&#x27;", "'"), page
        assert "Restored after a takedown" in history, page
