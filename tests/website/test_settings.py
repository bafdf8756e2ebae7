import json
import os
import subprocess
import sys

import pytest

# Database-independent: settings are read in a subprocess from the environment.
pytestmark = pytest.mark.database_independent

# Reading the settings is where a missing value is refused; loading every app (django.setup)
# costs seconds of CPU per subprocess and is only needed to prove the site starts.
READ_PRODUCTION = "from django.conf import settings; settings.INSTALLED_APPS"
START_PRODUCTION = "import django; django.setup()"
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL")
# The production environment README.md documents (its "Environment" table and "Production").
DOCUMENTED = {
    "SECRET_KEY": "k7Qe2vN9xR4tY8uI1oP5aS3dF6gH0jKlZ2xC4vB7nM9qW1eR5tY8uI3oP6aS0dF",
    "ALLOWED_HOSTS": "www.protectioninternational.org",
    "EMAIL_URL": "smtp://comms%40pi.org:pa%2Fss@mail.example.org:587",
}


def production_env(environment):
    # DJANGO_ALLOW_ASYNC_UNSAFE: set in this process by the browser tests, refused by check --deploy.
    leave_out = (*REQUIRED, "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in leave_out}
    env.update(environment, DJANGO_SETTINGS_MODULE="website.settings.production")
    return env


def run_with(environment, script=READ_PRODUCTION):
    return subprocess.run(
        [sys.executable, "-c", script],
        env=production_env(environment),
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_security_settings(missing):
    result = run_with({name: value for name, value in DOCUMENTED.items() if name != missing})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize("hosts", ["*", "www.example.org,*", "*.example.org"])
def test_production_refuses_any_host(hosts):
    result = run_with({**DOCUMENTED, "ALLOWED_HOSTS": hosts})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_security_settings():
    result = run_with(DOCUMENTED, START_PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_production_passes_the_deployment_checks(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env({**DOCUMENTED, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_never_allows_demo_content():
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        env=production_env(DOCUMENTED),
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
    script = "from django.conf import settings; print(settings.CACHES['default'])"
    env = production_env({**DOCUMENTED, "CACHE_URL": "redis://127.0.0.1:6379/3"})
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "FailSafeRedisCache" in result.stdout and "redis://127.0.0.1:6379/3" in result.stdout


def test_page_fragments_are_kept_only_in_a_cache_every_process_shares():
    script = "from django.conf import settings; print(settings.FRAGMENT_CACHE)"
    for cache_url, expected in (("redis://127.0.0.1:6379/3", "True"), ("", "False")):
        env = production_env({**DOCUMENTED, "CACHE_URL": cache_url})
        result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == expected


def test_media_stay_on_disk_unless_a_bucket_is_named_and_the_bucket_needs_its_keys():
    from django.core.exceptions import ImproperlyConfigured

    from website.settings.base import media_storages

    assert media_storages()["default"]["BACKEND"] == "website.storage.MediaStorage"
    with pytest.raises(ImproperlyConfigured) as refused:
        media_storages("pi-media", access_key="key")
    assert "AWS_SECRET_ACCESS_KEY" in str(refused.value)
    with pytest.raises(ImproperlyConfigured):
        media_storages("pi-media", "key", "secret", media_url="/media/")  # the bucket is elsewhere


def test_production_puts_media_in_the_bucket_and_lets_pages_show_its_images():
    script = (
        "from django.conf import settings; import json; print(json.dumps([settings.STORAGES, "
        "settings.SECURE_CSP['img-src'], settings.MEDIA_URL]))"
    )
    env = production_env(
        {
            **DOCUMENTED,
            "MEDIA_BUCKET": "pi-media",
            "AWS_ACCESS_KEY_ID": "key",
            "AWS_SECRET_ACCESS_KEY": "secret",
            "MEDIA_URL": "https://media.protectioninternational.org/files",
        }
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    storages, image_sources, media_url = json.loads(result.stdout)
    assert storages["default"]["BACKEND"] == "website.storage.S3MediaStorage"
    assert storages["pending_uploads"]["BACKEND"] == "website.storage.S3PendingUploadStorage"
    assert storages["default"]["OPTIONS"]["custom_domain"] == "media.protectioninternational.org/files"
    assert "whitenoise" in storages["staticfiles"]["BACKEND"]
    assert image_sources == ["'self'", "https://media.protectioninternational.org"]
    assert media_url == "https://media.protectioninternational.org/files/"


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
        "from django.conf import settings; import json; "
        "print(json.dumps([settings.ADMINS, settings.LOGGING['loggers']['django']['handlers']]))"
    )
    env = production_env({**DOCUMENTED, "ADMINS": "ops@example.org, web@example.org"})
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["ops@example.org", "web@example.org"], ["mail_admins"]]


def production_setting(expression, **environment):
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print({expression})"],
        env=production_env({**DOCUMENTED, **environment}),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_requires_two_factor_for_administrators_and_moderators_unless_told_not_to():
    assert production_setting("settings.TWO_FACTOR_REQUIRED") == "True"
    assert production_setting("settings.TWO_FACTOR_REQUIRED", TWO_FACTOR_REQUIRED="0") == "False"


def test_a_malformed_number_in_the_environment_is_named_at_start_up():
    result = run_with({**DOCUMENTED, "SESSION_IDLE_MINUTES": "an hour"})
    assert result.returncode != 0
    assert "SESSION_IDLE_MINUTES must be a whole number" in result.stderr


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from website.models import User

    user = User(username="marisol.defender", email="marisol@example.org")
    for weak in ("Sh0rt-pass", "password12345", "marisol.defender1", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("orchid lantern kettle 42", user)


def test_a_staff_session_ends_after_being_idle(client, db, settings):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.urls import reverse
    from django.utils import timezone

    from website.models import User

    assert settings.SESSION_COOKIE_AGE == 60 * 60
    client.force_login(User.objects.create_user("idle", password="unused-password", is_superuser=True))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    session = Session.objects.get()
    # Each request renews it: an hour from now.
    assert session.expire_date > timezone.now() + timedelta(minutes=59)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
