"""Workaround: Wagtail has no way to withhold deletion from a group that may edit.

Wagtail lets a user with "change" delete any unpublished page in their tree,
and a user with "add" delete the unpublished pages they own
(`PagePermissionTester.can_delete`); there is no "delete" page permission to
leave out. Translators must never delete a page, draft or not, so the tester
Wagtail builds for every page is swapped for one that also asks the user's
`LanguageScope`. Every delete and move path (the delete view, bulk actions,
the move view, the buttons) goes through that tester.
Delete this module if Wagtail gains a separate page "delete" permission.
"""

from wagtail.models import pages

from .permissions import ScopedPagePermissionTester


def apply():
    pages.PagePermissionTester = ScopedPagePermissionTester
