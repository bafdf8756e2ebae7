"""`make cache`: Varnish in front of gunicorn keeps public pages and loses them the moment an editor publishes.

Runs where varnishd is installed (`apt-get install -y varnish`, as .ci/run does);
elsewhere it skips saying so, except in CI, where a missing varnishd fails.
"""

import http.client
import os
import shutil
import subprocess
from urllib.parse import urlencode

import pytest
from django.test import override_settings
from wagtail.models import Site

from home.models import HomePage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from tests.deploy.servers import HOST, Gunicorn, Varnish
from website.settings.base import frontend_cache_settings

VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="module")
def varnishd():
    if not VARNISHD:
        reason = "varnishd is not installed (apt-get install -y varnish)"
        if IN_CI:
            pytest.fail(f"The cache tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return VARNISHD


@pytest.fixture(scope="module")
def site(varnishd, static_root, committed_for_module, tmp_path_factory):
    """A programme under its index, served by gunicorn behind Varnish, which publishing purges."""
    Site.objects.update(hostname=HOST, port=443)
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = ProgrammeIndexPageFactory(parent=home, title="Our programmes", slug="programmes")
    programme = ProgrammePageFactory(parent=index, title="Legal advocacy", slug="legal-advocacy")
    gunicorn = Gunicorn(static_root, tmp_path_factory.mktemp("logs"))
    varnish = None
    try:
        varnish = Varnish(varnishd, gunicorn.port)
        with override_settings(WAGTAILFRONTENDCACHE=frontend_cache_settings(varnish_url=varnish.url)):
            yield varnish, programme
    finally:
        if varnish:
            varnish.stop()
        gunicorn.stop()


def through(varnish, path, **headers):
    status, response_headers, body = varnish.get(path, headers)
    return status, response_headers.get("X-Cache"), body.decode()


def cached(varnish, path):
    """The page's text once Varnish holds it (a second request is a hit)."""
    first = through(varnish, path)
    second = through(varnish, path)
    assert (first[0], second[0], second[1]) == (200, 200, "HIT"), (first[:2], second[:2])
    return second[2]


def test_a_publication_is_seen_through_the_cache_at_once(site):
    varnish, programme = site
    page, listing = "/en/programmes/legal-advocacy/", "/en/programmes/"
    api = f"/api/v3/route/?{urlencode({'path': page})}"
    for path in (page, listing, api):
        assert "Legal advocacy" in cached(varnish, path)

    programme.title = "Legal protection"
    programme.save_revision().publish()

    for path in (page, listing, api):
        status, _hit, body = through(varnish, path)
        assert status == 200
        assert "Legal protection" in body and "Legal advocacy" not in body, path
    assert "Legal protection" in cached(varnish, page)

    programme.unpublish()
    status, _hit, body = through(varnish, page)
    assert status == 404
    assert "Legal protection" not in through(varnish, listing)[2]


def test_private_requests_are_never_cached_and_strangers_cannot_purge(site):
    varnish, _programme = site
    page = "/en/programmes/"  # the other test unpublishes the programme
    for headers in ({"Cookie": "sessionid=abc"}, {"Authorization": "Bearer not-a-token"}):
        hits = [through(varnish, page, **headers)[1] for _ in range(2)]
        assert hits == ["MISS", "MISS"]
    hits = [through(varnish, "/admin/login/")[1] for _ in range(2)]
    assert hits == ["MISS", "MISS"]

    cached(varnish, page)
    stranger = http.client.HTTPConnection("127.0.0.1", varnish.port, source_address=("127.0.0.2", 0))
    stranger.request("PURGE", page, headers={"Host": HOST})
    assert stranger.getresponse().status == 403
    stranger.close()
    assert through(varnish, page)[1] == "HIT"


def test_a_page_not_yet_cached_is_fetched_while_the_probe_calls_the_site_sick(site):
    """A surge of uncached requests can make the health probe time out; the site is slow, not down."""
    varnish, _programme = site
    subprocess.run(
        ["varnishadm", "-n", str(varnish.dir / "state"), "backend.set_health", "boot.site", "sick"],
        check=True,
        capture_output=True,
    )
    try:
        status, hit, body = through(varnish, "/en/?surge=1")
        assert (status, hit) == (200, "MISS")
        assert "</html>" in body
    finally:
        subprocess.run(
            ["varnishadm", "-n", str(varnish.dir / "state"), "backend.set_health", "boot.site", "auto"],
            check=True,
            capture_output=True,
        )
