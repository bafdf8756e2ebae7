"""Long lists of ids in a query, as one parameter.

`pk__in=[…]` writes one SQL literal per id: with the 1,000 ids of a broad search
(search/query.py) or the 10,000 of a library text match (resources/library.py),
PostgreSQL spent longer parsing and planning those lists than running the query,
and they travelled again into every facet. On PostgreSQL the ids go as one array
parameter instead (`= ANY` over `UNNEST`, hashed once per subquery). SQLite, which
bounds the parameters of a query, gets the list while it fits, else `fallback` (a
queryset of the same ids) when one is given.
"""

from django.db import connection
from django.db.models.expressions import RawSQL


def among(ids, fallback=None, uses=1):
    """A value for `pk__in` (or any `…__in` of integer ids): the `ids`, in one parameter where
    the database allows it. `uses` is how many times the query repeats it (SQLite's bound)."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT UNNEST(%s::bigint[])", (ids,))
    limit = connection.features.max_query_params
    if fallback is not None and limit is not None and len(ids) * uses > limit:
        return fallback
    return ids
