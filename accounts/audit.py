"""The audit trail: Wagtail's log entries, with sign-ins and permission changes added.

Wagtail already logs publishing, unpublishing, scheduled publishing, edits and
deletions (PageLogEntry, ModelLogEntry); this module logs who signed in, who
failed to (and who got locked out), who signed out and every change to who may
do what. No entry holds an address or a password: a failed sign-in records the
account when it exists, and only "unknown account" when it does not (what was
typed may be a password in the wrong field).
"""

from datetime import timedelta

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import GroupCollectionPermission, GroupPagePermission, ModelLogEntry

from translations.roles import MODERATORS

UNKNOWN_ACCOUNT = "unknown account"
# The object id of entries about a username no account has (log entries need one; no pk is "-").
NO_ACCOUNT_ID = "-"


def may_read_audit_trail(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


def logged_values(field):
    """Every distinct value of `field` (action, user_id, content_type_id) across the log models."""
    values = set()
    for log_model in log_action_registry.get_log_entry_models():
        values.update(log_model.objects.order_by().values_list(field, flat=True).distinct())
    values.discard(None)
    return values


def prune(days):
    """Deletes the entries older than `days` days; returns how many per log model."""
    cutoff = timezone.now() - timedelta(days=days)
    counts = {}
    for log_model in log_action_registry.get_log_entry_models():
        deleted, _by_model = log_model.objects.filter(timestamp__lt=cutoff).delete()
        counts[log_model._meta.label] = deleted
    return counts


def account_named(username):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    log(user, "accounts.login", user=user)


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    if user is None or not user.is_authenticated:
        return
    # Logout hands over request.user, a lazy wrapper that Wagtail's log() cannot place.
    account = get_user_model()._default_manager.filter(pk=user.pk).first()
    if account is not None:
        log(account, "accounts.logout", user=account)


def log_against_account(username, action, data):
    user = account_named(username)
    if user is not None:
        log(user, action, user=None, data=data)
    else:
        ModelLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            object_id=NO_ACCOUNT_ID,
            label=UNKNOWN_ACCOUNT,
            action=action,
            data=data,
            timestamp=timezone.now(),
        )


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    reason = "code" if credentials.get("reason") == "code" else "password"
    log_against_account(credentials.get("username"), "accounts.login_failed", {"reason": reason})


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    log_against_account(username, "accounts.locked_out", {})


def log_permission_change(instance, data):
    log(instance, "accounts.permissions_changed", data=data)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def log_group_membership(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # group.user_set.add(...): log on the group
        names = [str(user) for user in model.objects.filter(pk__in=pk_set or ())]
        log_permission_change(instance, {"change": action[5:], "users": names})
    else:
        names = list(model.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
        log_permission_change(instance, {"change": action[5:], "groups": names})


@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(m2m_changed, sender=get_user_model().user_permissions.through)
def log_model_permissions(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    codenames = list(model.objects.filter(pk__in=pk_set or ()).values_list("codename", flat=True))
    log_permission_change(instance, {"change": action[5:], "permissions": codenames})


@receiver(post_save, sender=GroupPagePermission)
@receiver(post_delete, sender=GroupPagePermission)
@receiver(post_save, sender=GroupCollectionPermission)
@receiver(post_delete, sender=GroupCollectionPermission)
def log_object_permissions(sender, instance, raw=False, **kwargs):
    if raw:
        # Loading fixtures or restoring a database: no one changed anything, and the
        # group may not be loaded yet.
        return
    change = "remove" if "created" not in kwargs else "add"
    # Ids, not titles: on a cascade the page or collection may be gone already.
    target = (
        f"page {instance.page_id}"
        if sender is GroupPagePermission
        else f"collection {instance.collection_id}"
    )
    log_permission_change(
        instance.group, {"change": change, "permissions": [instance.permission.codename], "on": target}
    )
