# The shared HTTP cache in front of gunicorn (`make cache`, README "Deployment").
#
# It keeps what the site marks `Cache-Control: public` (anonymous pages, the
# API, static files) for as long as that header says, and never keeps anything
# private: the admin, previews, private files, any request with a cookie or an
# Authorization header (Varnish's built-in rules, which run after these), any
# response that sets a cookie or says private/no-store/no-cache. Publishing
# purges what changed at once (website/frontend_cache.py sends PURGE here).
#
# The backend's host and port and the purgers' addresses (the @…@ placeholders below)
# are filled in by `make cache` (its target cache-vcl).

vcl 4.1;

import std;

# Two names for the one application server. `site` carries the health probe, and
# only decides whether stale pages may stand in for fresh ones (vcl_recv). Requests go
# to `site_fetch`, which has no probe: with a single server, a probe that times out
# behind a surge of uncached requests (searches with varied words fill gunicorn's
# queue) would otherwise turn every page not yet cached into an instant 503, when the
# server is only slow. A server that is really down still fails the fetch (connect
# timeout), and pages already cached are served stale meanwhile.
backend site {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;  # gunicorn cuts a request at 30 s
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

backend site_fetch {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
}

# Who may purge: the application servers.
acl purgers {
    "127.0.0.1";
    "::1";
    @PURGE_ACL@
}

sub vcl_recv {
    set req.backend_hint = site_fetch;
    # One object per host, whatever port the visitor's request named.
    set req.http.host = std.tolower(regsub(req.http.host, ":[0-9]+$", ""));

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # A path ending in * purges every URL under it (every query string of the API).
        if (req.url ~ "\*$") {
            ban("req.http.host == " + req.http.host + " && req.url ~ ^" + regsub(req.url, "\*$", ""));
            return (synth(200, "Purged"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        return (synth(405, "Method Not Allowed"));
    }

    # Plain HTTP is only ever redirected to HTTPS: not worth a cache entry, and
    # the redirect must never be served for the HTTPS address.
    if (req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    # Staff and private surfaces.
    if (req.url ~ "^/(admin|django-admin)/"
        || req.url ~ "^/api/v3/preview/"
        || req.url ~ "^/(documents|private-media)/") {
        return (pass);
    }
    # Stale content only while the probe finds the site down or overloaded; fresh otherwise.
    if (std.healthy(site)) {
        set req.grace = 10s;
    }
    # Varnish's built-in vcl_recv follows: other methods, Cookie and Authorization pass.
}

sub vcl_backend_response {
    # Kept this long past its max-age, served only while the site is down (vcl_recv).
    set beresp.grace = 6h;
    # Pages and the API leave Django uncompressed; compress them once, here.
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    # Varnish's built-in vcl_backend_response follows: Set-Cookie, private, no-store,
    # no-cache and Vary: * make the response uncacheable.
}

sub vcl_deliver {
    # For operators and the purge test: whether this answer came from the cache.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
