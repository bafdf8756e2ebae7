"""Visitors' addresses: read from the one place the proxy puts them, and never kept whole.

A human rights defender's IP address can place them; the site writes none down
unless `LOG_VISITOR_IP` asks for it, and then only its network part.
"""

import ipaddress

from django.conf import settings

# How much of an address is kept when one is kept: a household or office network, not a device.
IPV4_PREFIX = 24
IPV6_PREFIX = 48


def client_address(request):
    """The client's address: from the `CLIENT_IP_HEADER` the proxy sets, else (or when that
    header is missing or malformed) REMOTE_ADDR; "" if neither is an address."""
    candidates = []
    if settings.CLIENT_IP_HEADER:
        header = "HTTP_" + settings.CLIENT_IP_HEADER.upper().replace("-", "_")
        # A proxy that appends (X-Forwarded-For) puts the address it saw last; what the
        # client wrote before it is not trusted.
        candidates.append(request.META.get(header, "").split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for value in candidates:
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            continue
    return ""


def truncated(address):
    """`address` with its host part zeroed (203.0.113.77 -> 203.0.113.0), "" if it is not one."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def loggable_address(request):
    """The truncated address when `LOG_VISITOR_IP` is on, else None: what logs may hold."""
    if not settings.LOG_VISITOR_IP:
        return None
    return truncated(client_address(request)) or None
