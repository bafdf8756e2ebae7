"""Images in a private collection reach no anonymous visitor: not in HTML, not in the API, not as files."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from website.factories import CustomImageFactory
from website.models import CustomImage, User
from website.private_images import sync_image_privacy

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    return board.add_child(name="Safe houses")  # below the restriction: private too


def secret_image(collection):
    return CustomImageFactory(
        title="Safe house in Chiang Mai",
        alt_text="The back door of the safe house",
        credit="Somchai (field officer)",
        collection=collection,
    )


def page_using(site_tree, image):
    programme = site_tree["en"]["programme"]
    programme.hero_image = image
    programme.hero_alt_text = "Our colleague waiting at the shelter"
    programme.social_image = image
    programme.body = [
        {"type": "image", "value": {"image": image.pk, "caption": "Arrival", "alt_text": "", "credit": ""}}
    ]
    programme.save_revision().publish()
    programme.refresh_from_db()
    return programme


SECRETS = (
    "Safe house in Chiang Mai",
    "Our colleague waiting at the shelter",
    "The back door of the safe house",
    "Somchai",
    "original_images",
    "images/",
)


def test_a_public_page_shows_nothing_of_a_private_image(client, site_tree, private_collection):
    image = secret_image(private_collection)
    programme = page_using(site_tree, image)
    rendition_url = image.get_rendition("width-480|format-webp").url

    html = client.get(programme.url).content.decode()
    route = client.get("/api/v3/route/", {"path": programme.url}).content.decode()
    detail = client.get(f"/api/v3/pages/{programme.pk}/").content.decode()

    assert "og:image" not in html
    for surface, text in {"HTML": html, "route/": route, "pages/{id}/": detail}.items():
        for secret in (*SECRETS, rendition_url):
            assert secret not in text, f"{secret} in {surface}"
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == 404
    assert image.pk not in [item["id"] for item in client.get("/api/v3/images/").json()["items"]]


def test_the_same_page_shows_a_public_image(client, site_tree):
    image = secret_image(Collection.get_first_root_node())
    programme = page_using(site_tree, image)

    html = client.get(programme.url).content.decode()
    route = client.get("/api/v3/route/", {"path": programme.url}).json()["page"]

    assert "The back door of the safe house" in html and "Somchai" in html and "og:image" in html
    assert route["hero"]["credit"] == "Somchai (field officer)"
    assert route["hero_alt_text"] == route["hero"]["alt"] == "Our colleague waiting at the shelter"
    assert route["body"][0]["value"]["renditions"]


def test_a_private_images_files_are_outside_media_and_served_only_to_those_admitted(
    client, site_tree, private_collection
):
    image = secret_image(private_collection)
    rendition = image.get_rendition("width-480|format-webp")

    for stored in (image.file, rendition.file):
        path = Path(stored.path)
        assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT) and path.exists()
        assert not path.is_relative_to(settings.MEDIA_ROOT), "whatever serves /media/ cannot reach it"
        assert not stored.url.startswith(settings.MEDIA_URL)
        assert client.get(stored.url).status_code == 404
    assert not (Path(settings.MEDIA_ROOT) / image.file.name.removeprefix("private/")).exists()

    # Signed in: the collection's "login" restriction admits the request (and the admin shows it).
    client.force_login(User.objects.create_user("member", password="unused-password"))
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert client.get(rendition.url).status_code == 200


def test_moving_an_image_into_a_private_collection_hides_its_files_and_back_again(
    client, site_tree, private_collection
):
    image = secret_image(Collection.get_first_root_node())
    public_rendition = image.get_rendition("width-480|format-webp")
    public_url, public_rendition_url = image.file.url, public_rendition.url
    public_path = Path(image.file.path)
    assert public_path.is_relative_to(settings.MEDIA_ROOT)

    # What the emergency takedown does to a page's images.
    image.collection = private_collection
    image.save()

    image = CustomImage.objects.get(pk=image.pk)
    assert not public_path.exists(), "the public copy is gone"
    assert image.file.name.startswith("private/")
    assert not image.renditions.filter(pk=public_rendition.pk).exists()
    assert not (Path(settings.MEDIA_ROOT) / public_rendition.file.name).exists()
    assert client.get(public_url).status_code == 404
    assert client.get(public_rendition_url).status_code == 404
    assert image.get_rendition("width-480|format-webp").file.name.startswith("private/images/")

    # Lifting the restriction brings the files back under /media/.
    CollectionViewRestriction.objects.all().delete()
    image = CustomImage.objects.get(pk=image.pk)
    assert not image.file.name.startswith("private/")
    assert Path(image.file.path).is_relative_to(settings.MEDIA_ROOT)
    assert image.get_rendition("width-480|format-webp").url.startswith(settings.MEDIA_URL)


def test_a_restriction_added_to_a_collection_moves_the_images_already_in_it(site_tree):
    root = Collection.get_first_root_node()
    archive = root.add_child(name="Archive")
    image = secret_image(archive)
    assert not image.file.name.startswith("private/")

    CollectionViewRestriction.objects.create(collection=archive, restriction_type="login")

    image.refresh_from_db()
    assert image.file.name.startswith("private/")
    assert sync_image_privacy() == 0, "nothing left to move"


def test_syncing_privacy_reads_a_bounded_number_of_queries(django_assert_max_num_queries, private_collection):
    for _ in range(5):
        secret_image(private_collection)
    with django_assert_max_num_queries(4):
        assert sync_image_privacy() == 0


def test_the_admin_shows_a_private_image_and_a_group_restriction_refuses_others(client, admin_client):
    root = Collection.get_first_root_node()
    board_only = root.add_child(name="Board only")
    restriction = CollectionViewRestriction.objects.create(collection=board_only, restriction_type="groups")
    board = Group.objects.create(name="Board")
    restriction.groups.add(board)
    restriction.save()  # the groups are set after the first save: the files move on this one or before
    image = secret_image(board_only)
    assert image.file.name.startswith("private/")

    edit = admin_client.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert edit.status_code == 200
    thumbnail = image.get_rendition("max-800x600").url  # the edit view's preview
    assert thumbnail in edit.content.decode()
    assert admin_client.get(thumbnail).status_code == 200

    outsider = User.objects.create_user("outsider", password="unused-password")
    client.force_login(outsider)
    assert client.get(image.file.url).status_code == 404
    outsider.groups.add(board)
    assert client.get(image.file.url).status_code == 200
