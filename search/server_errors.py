"""What an Elasticsearch or OpenSearch failure means: the server is away, or the request is wrong.

Both clients are optional (the database backends need neither), so each is
imported where installed. The indexing queue (search/pending.py) retries only
what an unreachable server missed; the search view turns any of these errors
into a "search is unavailable" page instead of a 500.
"""

try:
    import elastic_transport
except ImportError:  # the Elasticsearch client is not installed
    elastic_transport = None
try:
    from opensearchpy import exceptions as opensearch_exceptions
except ImportError:  # the OpenSearch client is not installed
    opensearch_exceptions = None

# Too many requests, bad gateway, unavailable, gateway timeout.
RETRY_STATUSES = {429, 502, 503, 504}


def server_unreachable(error):
    """Whether `error` says the server is down, unreachable, too slow or overloaded.

    Such a failure is worth retrying later; any other (a rejected document, a
    missing index) would fail again the same way.
    """
    if elastic_transport is not None:
        if isinstance(error, (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout)):
            return True
        if isinstance(error, elastic_transport.ApiError) and error.meta.status in RETRY_STATUSES:
            return True
    if opensearch_exceptions is not None:
        if isinstance(error, opensearch_exceptions.ConnectionError):
            return True
        if isinstance(error, opensearch_exceptions.TransportError) and error.status_code in RETRY_STATUSES:
            return True
    return False


def server_errors():
    """The exceptions an unreachable or failing Elasticsearch/OpenSearch server raises.

    Empty when neither client is installed (the database backends raise none of them).
    """
    errors = []
    if elastic_transport is not None:
        errors += [elastic_transport.ApiError, elastic_transport.TransportError]
    if opensearch_exceptions is not None:
        errors.append(opensearch_exceptions.OpenSearchException)
    return tuple(errors)
