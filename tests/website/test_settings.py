import json
import os
import subprocess
import sys

import pytest

IMPORT_PRODUCTION = "import django; django.setup()"


def run_with(environment):
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(environment, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run([sys.executable, "-c", IMPORT_PRODUCTION], env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("environment", "missing"),
    [({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"), ({"SECRET_KEY": "s3cret"}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_security_settings(environment, missing):
    result = run_with(environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_starts_with_security_settings():
    result = run_with({"SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr


def test_production_never_allows_demo_content():
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "s",
            "ALLOWED_HOSTS": "x",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not allowed" in result.stderr


def test_cache_url_names_a_shared_redis_cache_and_locmem_is_the_default():
    from django.core.exceptions import ImproperlyConfigured

    from website.settings.base import cache_settings

    assert cache_settings(None)["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    redis = cache_settings("redis://127.0.0.1:6379/2")["default"]
    assert (redis["BACKEND"], redis["LOCATION"]) == (
        "website.cache.FailSafeRedisCache",
        "redis://127.0.0.1:6379/2",
    )
    with pytest.raises(ImproperlyConfigured) as refused:
        cache_settings("memcached://user:s3cret@cache.example:11211")
    assert "s3cret" not in str(refused.value)


def test_email_url_names_an_smtp_server_and_the_console_is_the_default():
    from django.core.exceptions import ImproperlyConfigured

    from website.settings.base import mailer_settings

    assert mailer_settings(None)["default"]["BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    smtp = mailer_settings("smtp://comms%40pi.org:pa%2Fss@mail.example.org:587")["default"]
    assert smtp["BACKEND"] == "website.mail.FailSafeSMTPBackend"
    assert smtp["OPTIONS"] | {"timeout": None} == {
        "host": "mail.example.org",
        "port": 587,
        "username": "comms@pi.org",
        "password": "pa/ss",
        "use_ssl": False,
        "use_tls": True,
        "timeout": None,
    }
    ssl = mailer_settings("smtps://mail.example.org")["default"]["OPTIONS"]
    assert (ssl["port"], ssl["use_ssl"], ssl["use_tls"]) == (465, True, False)
    with pytest.raises(ImproperlyConfigured) as refused:
        mailer_settings("https://user:s3cret@mail.example.org")
    assert "s3cret" not in str(refused.value)


def test_production_reads_cache_url_from_the_environment():
    script = (
        "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "s3cret",
        "ALLOWED_HOSTS": "example.org",
        "CACHE_URL": "redis://127.0.0.1:6379/3",
    }
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "FailSafeRedisCache" in result.stdout and "redis://127.0.0.1:6379/3" in result.stdout


def test_errors_go_to_stderr_and_to_admins_only_when_there_are_some():
    from website.settings.base import logging_settings

    quiet = logging_settings([])
    assert quiet["root"]["handlers"] == ["stderr"]
    assert quiet["handlers"]["stderr"]["stream"] == "ext://sys.stderr"
    assert "mail_admins" not in quiet["handlers"]
    assert quiet["loggers"]["django"]["handlers"] == []

    alerting = logging_settings(["ops@example.org"])
    assert alerting["loggers"]["django"]["handlers"] == ["mail_admins"]
    assert alerting["handlers"]["mail_admins"]["class"] == "django.utils.log.AdminEmailHandler"
    # Never on the root logger: a failing alert mail is logged, and would be mailed again.
    assert alerting["root"]["handlers"] == ["stderr"]


def test_production_reads_admins_from_the_environment_and_logs_as_dev_does():
    script = (
        "import django; django.setup(); from django.conf import settings; import json; "
        "print(json.dumps([settings.ADMINS, settings.LOGGING['loggers']['django']['handlers']]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "s3cret",
        "ALLOWED_HOSTS": "example.org",
        "EMAIL_URL": "smtp://mail.example.org",
        "ADMINS": "ops@example.org, web@example.org",
    }
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["ops@example.org", "web@example.org"], ["mail_admins"]]
