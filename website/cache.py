"""Django's Redis cache, made fail-safe: when Redis does not answer, the site serves without it.

Wagtail reads the site's root paths, the locales' names and image renditions
through the cache on every page. With Django's own RedisCache a stopped Redis
raised `ConnectionError` from each of those reads: every page answered 500 and
the API 422 with the connection error (host and port) in its body.

Here the cache is a convenience, never a dependency: while Redis does not
answer, a read is a miss, a write is dropped (`add` answers False and
`set_many` returns the keys it did not store, as Django's API allows, so a
caller that must store something, like the headless preview, can tell), and the
log gets one warning when the outage starts, a reminder every few minutes
while it lasts and a line when Redis is back; no tracebacks. After a failure
Redis is left alone for `retry_after` seconds, so that an unreachable server
does not cost every request its connection timeout.

What the site loses meanwhile: what the cache shares between processes (a
preview token made by one process cannot be read by another) and speed.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class RedisState:
    """What one process knows of one Redis server: whether it answers, since when it does not.

    Shared by every cache object of the process: Django gives each thread its
    own, and each request of a threaded server may run in a new thread.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.resting_until = None  # set while Redis is considered down
        self.warned_at = None


_states = {}
_states_lock = threading.Lock()


def state_of(server):
    with _states_lock:
        return _states.setdefault(str(server), RedisState())


class FailSafeRedisCache(RedisCache):
    # Seconds during which Redis is not asked again after a failure.
    retry_after = 5
    # Seconds between two "still unavailable" warnings during a long outage.
    remind_after = 600
    # The clock; tests replace it to move through an outage.
    clock = staticmethod(time.monotonic)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._state = state_of(server)

    def _resting(self):
        until = self._state.resting_until
        return until is not None and self.clock() < until

    def _failed(self, error):
        state, now = self._state, self.clock()
        with state.lock:
            first = state.resting_until is None
            state.resting_until = now + self.retry_after
            remind = not first and now - state.warned_at >= self.remind_after
            if first or remind:
                state.warned_at = now
        if first:
            logger.warning(
                "The cache (Redis) does not answer (%s: %s); the site serves without it until it is back.",
                type(error).__name__,
                error,
            )
        elif remind:
            logger.warning("The cache (Redis) still does not answer (%s: %s).", type(error).__name__, error)

    def _answered(self):
        state = self._state
        if state.resting_until is None:
            return
        with state.lock:
            was_down = state.resting_until is not None
            state.resting_until = state.warned_at = None
        if was_down:
            logger.warning("The cache (Redis) answers again.")

    def _call(self, operation, fallback, *args):
        """operation(*args), or `fallback()` while Redis does not answer."""
        if self._resting():
            return fallback()
        try:
            result = operation(*args)
        except RedisError as error:
            self._failed(error)
            return fallback()
        self._answered()
        return result

    def is_available(self):
        """Whether Redis answers a PING now (for the health endpoint); never raises.

        While resting after a failure it answers False without asking Redis.
        """
        return self._call(self._ping, lambda: False)

    def _ping(self):
        return bool(self._cache.get_client(write=True).ping())

    # Django's cache API, each with the answer it gives for a missing key.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")

        return self._call(super().incr, missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._call(super().clear, lambda: False)
