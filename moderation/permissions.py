"""Who may delete a page that is not live: its owner, moderators and administrators.

Wagtail lets anyone with "change" on a section delete every unpublished page
in it, so an editor could delete a colleague's draft, and its revisions, with
no way back. Drafts are someone's work in progress: only their owner may throw
them away, or a moderator, who answers for the section.
"""

from translations.roles import MODERATORS


def is_moderator(user):
    if not hasattr(user, "_is_moderator"):
        user._is_moderator = user.is_superuser or user.groups.filter(name=MODERATORS).exists()
    return user._is_moderator


def may_delete_drafts_of_others(user, page):
    """The "page_deletion_allowed" hook (website.models.pages.PagePermissions), and so moving,
    which Wagtail's `can_move` asks `can_delete` for."""
    if is_moderator(user):
        return True
    return not page.get_descendants(inclusive=True).filter(live=False).exclude(owner=user).exists()
