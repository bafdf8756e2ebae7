"""Uploaded files in an S3-compatible bucket (MEDIA_BUCKET), tested against a real S3 API.

moto's server mode (requirements-dev.txt) runs the S3 API in a subprocess on this
machine: it answers anonymous requests as S3 does, refusing every object the bucket
policy does not open. Without moto the tests skip, saying so; in CI (`CI=true`)
they fail instead.
"""

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from contextlib import contextmanager

import botocore.endpoint
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction

from conftest import built_once, reloaded
from tests.resources.conftest import build_library_tree, build_taxonomy, make_publication
from website.backups import back_up_media, restore_media
from website.factories import CustomDocumentFactory, CustomImageFactory
from website.models import User
from website.settings.base import media_storages
from website.storage import PUBLIC_PREFIXES, private_storage

pytestmark = pytest.mark.django_db

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BUCKET = "pi-media-test"
# The ports this project's helpers may use on a shared machine; the first free one is taken.
PORTS = range(8600, 8700)


def unavailable(reason):
    if IN_CI:
        pytest.fail(f"The S3 tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS}")


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server, started for the session: its URL."""
    try:
        import moto.server  # noqa: F401
    except ImportError:
        unavailable("moto is not installed (pip install -r requirements-dev.txt)")
    executable = shutil.which("moto_server", path=os.path.dirname(sys.executable)) or shutil.which(
        "moto_server"
    )
    if executable is None:
        unavailable("moto_server is not on the PATH")
    port = free_port()
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                requests.get(f"{url}/moto-api/", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None:
                    unavailable(f"moto_server stopped: {process.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def public_read_policy(bucket):
    """The policy the README gives: anyone may read public images' names, nothing else."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
                }
            ],
        }
    )


@pytest.fixture
def bucket(s3_endpoint):
    """A fresh bucket, the site's uploads going into it (what MEDIA_BUCKET does in production)."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=public_read_policy(BUCKET))
    storages = media_storages(BUCKET, "test-key", "test-secret", s3_endpoint, "us-east-1")
    with override_settings(
        STORAGES={
            **storages,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        yield client
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


@contextmanager
def counting_s3_requests():
    """Every request botocore sends (to the bucket) while the block runs, as a list."""
    sent = []
    original = botocore.endpoint.Endpoint._send

    def send(self, request):
        sent.append(f"{request.method} {request.url}")
        return original(self, request)

    botocore.endpoint.Endpoint._send = send
    try:
        yield sent
    finally:
        botocore.endpoint.Endpoint._send = original


@pytest.fixture(scope="module")
def shared_library(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_library_tree(build_taxonomy())["en"]["library"]


@pytest.fixture
def library(db, shared_library):
    """A published library with its home, in English (built once per module)."""
    return reloaded(shared_library)


@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    return board


def test_a_public_images_original_and_renditions_are_in_the_bucket_and_readable_by_anyone(bucket, client):
    image = CustomImageFactory(title="Defenders in Bangkok")
    rendition = image.get_rendition("width-480|format-webp")

    assert {image.file.name, rendition.file.name} <= keys(bucket)
    assert image.file.name.startswith("original_images/") and rendition.file.name.startswith("images/")
    for stored in (image.file, rendition.file):
        assert stored.url.startswith(f"http://127.0.0.1:{bucket.meta.endpoint_url.rsplit(':', 1)[1]}/")
        assert "Signature" not in stored.url, "a public image's URL must not expire in a cached page"
        response = requests.get(stored.url, timeout=5)  # a visitor's browser, no credentials
        assert response.status_code == 200
        assert response.content == bucket.get_object(Bucket=BUCKET, Key=stored.name)["Body"].read()


def test_a_private_collections_image_is_never_readable_from_the_bucket(bucket, client, private_collection):
    image = CustomImageFactory(title="Safe house", collection=private_collection)
    rendition = image.get_rendition("width-480|format-webp")

    for stored in (image.file, rendition.file):
        assert stored.name.startswith("private/") and stored.name in keys(bucket)
        direct = f"{bucket.meta.endpoint_url}/{BUCKET}/{stored.name}"
        assert requests.get(direct, timeout=5).status_code == 403
        assert stored.url == f"/private-media/{stored.name.removeprefix('private/')}"
        assert client.get(stored.url).status_code == 404  # anonymous: as if it did not exist

    client.force_login(User.objects.create_user("member", password="unused-password"))
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"RIFF"  # the WebP, read from the bucket
    assert "no-store" in response["Cache-Control"]


def test_moving_an_image_into_a_private_collection_closes_its_files_in_the_bucket(
    bucket, client, private_collection
):
    image = CustomImageFactory(title="Workshop")
    public_url = image.file.url
    assert requests.get(public_url, timeout=5).status_code == 200

    image.collection = private_collection
    image.save()

    assert image.file.name.startswith("private/")
    assert requests.get(public_url, timeout=5).status_code in (403, 404)
    assert not any(key.startswith(PUBLIC_PREFIXES) for key in keys(bucket))


def test_documents_are_served_through_the_site_never_from_the_bucket(bucket, client, private_collection):
    public = CustomDocumentFactory(title="Protection manual")
    private = CustomDocumentFactory(title="Board minutes", collection=private_collection)

    for document in (public, private):
        assert document.file.name in keys(bucket)
        direct = f"{bucket.meta.endpoint_url}/{BUCKET}/{document.file.name}"
        assert requests.get(direct, timeout=5).status_code == 403

    response = client.get(public.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    refused = client.get(private.url)
    assert refused.status_code in (302, 403, 404)  # to the sign-in page, never the file
    assert b"%PDF" not in refused.content

    # The storage's own URL for a document is signed and short-lived.
    signed = private.file.url
    assert "Expires=" in signed or "X-Amz-Expires=" in signed
    assert requests.get(signed, timeout=5).status_code == 200


def test_uploads_waiting_for_their_second_step_go_to_the_bucket_without_a_url(bucket):
    name = private_storage.save("wagtail_uploads/pending.jpg", ContentFile(b"not yet an image"))

    assert f"pending_uploads/{name}" in keys(bucket)
    with pytest.raises(ValueError):
        private_storage.url(name)


@pytest.mark.parametrize("count", [2, 12])
def test_the_library_and_a_publication_show_file_sizes_without_asking_the_bucket(
    bucket, client, library, count
):
    publications = [
        make_publication(library, title=f"Report {number}", files=("en", "fr")) for number in range(count)
    ]
    assert len(keys(bucket)) == 2 * count

    with counting_s3_requests() as sent:
        listing = client.get(library.url)
        details = client.get(publications[0].url)
        api = client.get("/api/v3/library/")

    assert sent == [], sent
    for response in (listing, details, api):
        assert response.status_code == 200
    assert "1009\xa0bytes" in details.content.decode()  # the size recorded at upload
    items = api.json()["items"]
    assert len(items) == count
    assert [file["size"] for item in items for file in item["files"]] == [1009] * 2 * count


def test_a_file_deleted_from_a_local_disk_is_still_left_out(client, library):
    """Local storage (no bucket) still checks the disk, which costs no round trip."""
    publication = make_publication(library, title="Gone", files=("en",))
    document = publication.files.get().document
    assert document.url in client.get(publication.url).content.decode()

    document.file.storage.delete(document.file.name)

    assert "Gone" in client.get(library.url).content.decode()
    assert document.url not in client.get(publication.url).content.decode()


def test_a_backup_holds_every_file_of_the_bucket_and_a_restore_puts_them_back(
    bucket, tmp_path, private_collection
):
    CustomImageFactory(title="Defenders in Bangkok").get_rendition("width-480|format-webp")
    CustomImageFactory(title="Safe house", collection=private_collection)
    CustomDocumentFactory(title="Annual report")
    private_storage.save("waiting.txt", ContentFile(b"an upload waiting for its title"))
    stored = {key: bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys(bucket)}
    assert {key.split("/")[0] for key in stored} >= {"original_images", "images", "private", "documents"}

    back_up_media(tmp_path)
    for key in stored:
        bucket.delete_object(Bucket=BUCKET, Key=key)
    restore_media(tmp_path)

    assert {key: bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys(bucket)} == stored


def test_a_backup_of_local_files_is_not_restored_into_a_bucket(bucket, tmp_path):
    with tarfile.open(tmp_path / "media.tar.gz", "w:gz") as archive:
        member = tarfile.TarInfo("media/documents/report.txt")
        archive.addfile(member, io.BytesIO())
    with pytest.raises(CommandError, match="holds files from a local disk"):
        call_command("restore", str(tmp_path))
    assert keys(bucket) == set()
