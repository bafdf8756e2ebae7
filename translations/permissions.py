"""Who may change what in which language.

Pages are confined by Wagtail's own page permissions, granted on each
language's home page. Two limits Wagtail cannot express are added here:

- a group confined to one language (`LanguageScope`) may change snippets only
  in that language, and
- a group whose scope says so may not delete, even the drafts it owns (Wagtail
  lets anyone with "add" or "change" delete their unpublished pages).
"""

from dataclasses import dataclass

from wagtail.models import PagePermissionTester


@dataclass(frozen=True)
class UserScope:
    locale_ids: frozenset | None  # None: every language
    can_delete: bool

    def allows_locale(self, locale_id):
        return self.locale_ids is None or locale_id in self.locale_ids


UNRESTRICTED = UserScope(locale_ids=None, can_delete=True)


def user_scope(user):
    """The languages `user` may work in; cached on the user for the request."""
    cached = getattr(user, "_language_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        scope = UserScope(locale_ids=frozenset(), can_delete=False)
    elif user.is_superuser:
        scope = UNRESTRICTED
    else:
        groups = list(
            user.groups.values_list("pk", "language_scope__locale_id", "language_scope__can_delete")
        )
        if not groups or any(locale_id is None for _pk, locale_id, _delete in groups):
            # A member of any unscoped group (Moderators, or a custom group
            # an administrator made) keeps that group's reach.
            scope = UNRESTRICTED
        else:
            scope = UserScope(
                locale_ids=frozenset(locale_id for _pk, locale_id, _delete in groups),
                can_delete=any(can_delete for *_rest, can_delete in groups),
            )
    user._language_scope = scope
    return scope


def user_can_change_in_locale(user, instance):
    """False when `instance` is in a language outside the user's scope."""
    locale_id = getattr(instance, "locale_id", None)
    return locale_id is None or user_scope(user).allows_locale(locale_id)


def user_can_delete(user):
    return user_scope(user).can_delete


class ScopedPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, minus deletion (and so moving) for groups that may not delete."""

    def can_delete(self, ignore_bulk=False):
        return user_can_delete(self.user) and super().can_delete(ignore_bulk)
