"""Visitors' addresses: read from the proxy's header when one is named, kept only truncated."""

import pytest
from django.test import RequestFactory

from website.addresses import client_address, truncated


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("203.0.113.77", "203.0.113.0"),
        ("2001:db8:1234:5678:9abc::1", "2001:db8:1234::"),
        ("not an address", ""),
        ("", ""),
    ],
)
def test_truncated_keeps_the_network_only(address, kept):
    assert truncated(address) == kept


def test_the_address_comes_from_remote_addr_by_default():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(request) == "192.0.2.5"


def test_behind_a_proxy_the_named_header_gives_the_address(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="evil, 198.51.100.1")
    # The proxy appends what it saw; what the client wrote before it is not trusted.
    assert client_address(request) == "198.51.100.1"
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    # A missing or malformed header: the connection's address, never one shared by all.
    assert (
        client_address(RequestFactory().get("/", HTTP_X_REAL_IP="garbage", REMOTE_ADDR="10.0.0.2"))
        == "10.0.0.2"
    )
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="")) == ""
