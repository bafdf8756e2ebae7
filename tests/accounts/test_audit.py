"""The audit trail: sign-ins, failures, lockouts, publishing, permission changes; kept for a set time."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, ModelLogEntry, PageLogEntry

from accounts.audit import NO_ACCOUNT_ID, UNKNOWN_ACCOUNT
from accounts.two_factor import has_device, new_recovery_codes

from .conftest import enrol, sign_in

pytestmark = pytest.mark.django_db

URL = reverse("accounts_audit_trail")


def actions_on(user):
    """What the audit trail says about `user`, oldest first."""
    entries = ModelLogEntry.objects.for_instance(user).order_by("timestamp", "pk")
    return list(entries.values_list("action", flat=True))


def test_signing_in_and_out_is_logged_without_an_address(client, editor):
    sign_in(client, "editor", address="198.51.100.23")
    client.post(reverse("wagtailadmin_logout"))
    assert actions_on(editor) == ["accounts.permissions_changed", "accounts.login", "accounts.logout"]
    entry = ModelLogEntry.objects.get(action="accounts.login")
    assert entry.user == editor
    assert "198.51" not in str(entry.data) and "198.51" not in entry.label


def test_failed_sign_ins_and_the_lockout_are_logged(client, editor):
    for n in range(5):
        sign_in(client, "editor", password=f"guess-{n}")
    assert actions_on(editor).count("accounts.login_failed") == 5
    assert "accounts.locked_out" in actions_on(editor)


def test_a_failed_sign_in_to_no_account_keeps_nothing_of_what_was_typed(client):
    sign_in(client, "my-secret-passphrase", password="guess")
    entry = ModelLogEntry.objects.get(action="accounts.login_failed")
    assert (entry.object_id, entry.label) == (NO_ACCOUNT_ID, UNKNOWN_ACCOUNT)
    assert "passphrase" not in str(entry.data)


def test_group_and_permission_changes_are_logged(editor, role_groups):
    group = Group.objects.create(name="Press officers")
    editor.groups.add(group)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    assert "accounts.permissions_changed" in actions_on(editor)
    entry = ModelLogEntry.objects.for_instance(group).get(action="accounts.permissions_changed")
    assert entry.data == {"change": "add", "permissions": ["access_admin"]}


@pytest.fixture
def history(client, editor, moderator, site_tree):
    """A sign-in, a failed one and a publication."""
    sign_in(client, "editor")
    client.logout()
    sign_in(client, "moderator", password="wrong")
    programme = site_tree["en"]["programme"]
    programme.save_revision(user=moderator).publish(user=moderator)
    return programme


def test_moderators_read_every_kind_of_entry_and_may_filter_them(client, moderator, history):
    client.force_login(moderator)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Sign in", "Failed sign-in", "Publish"):
        assert label in html
    filtered = client.get(URL, {"action": "accounts.login_failed"})
    rows = list(filtered.context["object_list"])
    assert rows and {row.action for row in rows} == {"accounts.login_failed"}


def test_the_audit_trail_exports_as_csv(client, admin_user, history):
    client.force_login(admin_user)
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    actions = {row[3] for row in rows[1:]}
    assert {"Sign in", "Failed sign-in", "Publish"} <= actions


def test_editors_may_not_read_it(client, editor):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_reports_menu_shows_it_to_moderators_only(client, editor, moderator):
    client.force_login(moderator)
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_pruning_drops_entries_older_than_the_retention(settings, editor, site_tree):
    settings.AUDIT_RETENTION_DAYS = 30
    page = site_tree["en"]["programme"]
    recent = log(editor, "accounts.login", user=editor)
    stale = log(editor, "accounts.login", user=editor)
    stale_page = log(page, "wagtail.publish")
    ModelLogEntry.objects.filter(pk=stale.pk).update(timestamp=timezone.now() - timedelta(days=31))
    PageLogEntry.objects.filter(pk=stale_page.pk).update(timestamp=timezone.now() - timedelta(days=31))

    out = io.StringIO()
    call_command("prune_audit_log", stdout=out)

    assert ModelLogEntry.objects.filter(pk=recent.pk).exists()
    assert not ModelLogEntry.objects.filter(pk=stale.pk).exists()
    assert not PageLogEntry.objects.filter(pk=stale_page.pk).exists()
    assert "older than 30 days" in out.getvalue()


def test_pruning_refuses_a_retention_below_a_day():
    with pytest.raises(CommandError, match="--days must be 1 or more"):
        call_command("prune_audit_log", "--days", "0")


def test_reset_two_factor_removes_a_lost_app_and_logs_it(moderator):
    enrol(moderator)
    new_recovery_codes(moderator)
    out = io.StringIO()
    call_command("reset_two_factor", "moderator", stdout=out)
    assert not has_device(moderator)
    assert "accounts.two_factor_disabled" in actions_on(moderator)
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("reset_two_factor", "nobody")


def test_the_audit_trail_reads_a_bounded_number_of_queries(
    client, admin_user, editor, site_tree, django_assert_max_num_queries
):
    client.force_login(admin_user)
    client.get(URL)  # warm the per-process caches (content types, log actions)
    for _ in range(40):
        log(editor, "accounts.login", user=editor)
        log(site_tree["en"]["programme"], "wagtail.publish", user=admin_user)
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200


def test_loading_permissions_from_a_fixture_logs_nothing(role_groups):
    group = Group.objects.create(name="Archivists")
    permission = GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    data = serializers.serialize("json", [permission, group])
    GroupCollectionPermission.objects.all().delete()
    Group.objects.filter(pk=group.pk).delete()
    before = ModelLogEntry.objects.count()
    # Loaded in this order (the permission before its group), as a database restore may.
    for item in serializers.deserialize("json", data):
        item.save()
    assert ModelLogEntry.objects.count() == before
