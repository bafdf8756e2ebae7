"""Who may change what in which language.

Pages are confined by Wagtail's own page permissions, granted on each
language's home page. Two limits Wagtail cannot express are added here:

- a group confined to one language (`LanguageScope`) may change snippets only
  in that language, and
- a group whose scope says so may not delete, even the drafts it owns (Wagtail
  lets anyone with "add" or "change" delete their unpublished pages).
"""

from dataclasses import dataclass

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views import edit_translation


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


def user_may_delete_page(user, page):
    """The "page_deletion_allowed" hook (website.models.pages.PagePermissions): no deleting, nor
    so moving, for groups whose scope says so, even the drafts Wagtail lets them delete."""
    return user_can_delete(user)


def user_can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance))) and user_can_change_in_locale(
            user, instance
        )
    # Snippets without drafts are live as soon as they are saved. Looked up on the
    # module: upstream/localize_translation_views.py confines it to the user's languages.
    return edit_translation.user_can_edit_instance(user, instance)
