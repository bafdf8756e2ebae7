"""The fail-safe Redis cache (website/cache.py): a miss while Redis is down, one warning per outage."""

import logging
import socket

import pytest
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError

import website.cache
from website.cache import FailSafeRedisCache
from website.settings.base import cache_settings


def redis_is_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


class Redis:
    """Stands in for the Redis server behind Django's client: up or down, counting the calls."""

    def __init__(self, monkeypatch):
        self.up = True
        self.calls = 0
        monkeypatch.setattr(RedisCacheClient, "get", self.get)

    def get(self, key, default):
        self.calls += 1
        if not self.up:
            raise ConnectionError("Error 111 connecting to 10.0.0.9:6379. Connection refused.")
        return "cached"


@pytest.fixture
def redis(monkeypatch):
    return Redis(monkeypatch)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a new process would: no outage known."""
    monkeypatch.setattr(website.cache, "_states", {})


@pytest.fixture
def cache():
    settings = cache_settings("redis://10.0.0.9:6379/0")["default"]
    cache = FailSafeRedisCache(settings["LOCATION"], settings)
    cache.now = 1000.0
    cache.clock = lambda: cache.now
    return cache


def warnings_from(caplog):
    return [record.getMessage() for record in caplog.records if record.name == "website.cache"]


def test_cache_url_gives_the_fail_safe_cache_with_short_timeouts():
    settings = cache_settings("redis://127.0.0.1:6379/2")["default"]

    assert settings["BACKEND"] == "website.cache.FailSafeRedisCache"
    assert settings["LOCATION"] == "redis://127.0.0.1:6379/2"
    assert settings["OPTIONS"]["socket_connect_timeout"] <= 1
    assert settings["OPTIONS"]["socket_timeout"] <= 1


def test_an_outage_is_a_miss_warned_once_and_redis_is_left_alone_for_a_while(cache, redis, caplog):
    caplog.set_level(logging.WARNING)
    redis.up = False

    assert [cache.get("key", "missing") for _ in range(5)] == ["missing"] * 5
    # Asked once: the next calls did not wait on a dead server.
    assert redis.calls == 1
    [warning] = warnings_from(caplog)
    assert "does not answer" in warning and "Error 111" in warning
    assert all(record.exc_info is None for record in caplog.records)

    cache.now += cache.retry_after
    assert cache.get("key", "missing") == "missing"
    assert redis.calls == 2  # asked again once the pause is over
    assert len(warnings_from(caplog)) == 1  # the same outage: no new warning


def test_the_threads_of_a_process_share_what_they_know_of_an_outage(cache, redis, caplog):
    # Django gives each thread its own cache object (a threaded server: each request).
    settings = cache_settings("redis://10.0.0.9:6379/0")["default"]
    other_thread = FailSafeRedisCache(settings["LOCATION"], settings)
    other_thread.clock = cache.clock
    redis.up = False

    assert cache.get("key") is None
    assert other_thread.get("key") is None

    assert redis.calls == 1
    assert len(warnings_from(caplog)) == 1


def test_a_long_outage_is_recalled_now_and_then_and_its_end_is_logged(cache, redis, caplog):
    caplog.set_level(logging.WARNING)
    redis.up = False
    cache.get("key")
    cache.now += cache.remind_after
    cache.get("key")
    assert len(warnings_from(caplog)) == 2
    assert "still does not answer" in warnings_from(caplog)[1]

    redis.up = True
    cache.now += cache.retry_after
    assert cache.get("key") == "cached"
    assert warnings_from(caplog)[2] == "The cache (Redis) answers again."

    # A later outage is a new one, with its own first warning.
    redis.up = False
    cache.get("key")
    assert len(warnings_from(caplog)) == 4
    assert "the site serves without it" in warnings_from(caplog)[3]


def test_every_operation_answers_like_a_missing_key_while_redis_is_down():
    # A real connection refused, through redis-py, for each operation.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = cache_settings(f"redis://127.0.0.1:{port}/0")["default"]
    cache = FailSafeRedisCache(settings["LOCATION"], settings)
    cache.retry_after = 0  # ask Redis every time

    assert cache.get("key", "default") == "default"
    assert cache.add("key", "value") is False
    assert cache.set("key", "value") is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_or_set("key", "computed") == "computed"
    assert cache.has_key("key") is False
    assert cache.touch("key") is False
    assert cache.delete("key") is False
    assert cache.delete_many(["a", "b"]) is None
    assert cache.clear() is False
    assert cache.is_available() is False
    with pytest.raises(ValueError):
        cache.incr("counter")


@pytest.mark.skipif(not redis_is_reachable(), reason="needs Redis on 127.0.0.1:6379")
def test_with_redis_answering_it_is_an_ordinary_shared_cache(caplog):
    settings = cache_settings("redis://127.0.0.1:6379/14")["default"]
    cache = FailSafeRedisCache(settings["LOCATION"], {**settings, "KEY_PREFIX": "pi-test-fail-safe"})
    other_process = FailSafeRedisCache(settings["LOCATION"], {**settings, "KEY_PREFIX": "pi-test-fail-safe"})
    try:
        assert cache.add("key", {"draft": 1}) is True
        assert cache.add("key", {"draft": 2}) is False
        assert other_process.get("key") == {"draft": 1}
        cache.set_many({"a": 1, "b": 2})
        assert other_process.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
        assert cache.incr("a") == 2
        assert cache.is_available() is True
    finally:
        cache.delete_many(["key", "a", "b"])
    assert warnings_from(caplog) == []
