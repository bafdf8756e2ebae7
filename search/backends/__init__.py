"""Search backends scoped to one content language (see search/conf.py)."""
