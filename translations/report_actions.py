"""What a user may open or start from a row of the translation status report.

The report lists every page and snippet in every language; its titles led to
the English page, which a translator may not open ("Sorry, you do not have
permission"), and nothing let a translator start a missing translation into
their language. Here each title leads to what the user may open (the
translation for whoever may edit it, else the source for whoever may edit
that, else nothing), and a translator may start a missing page translation
into their own language, the way "Translate this page" does, once the page's
parent exists in that language.

Decisions are made from the permissions loaded once per request and the
paths the report already holds: no query per row.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.operations import translate_object

from .permissions import user_scope
from .status import MISSING, source_locale


class ReportAccess:
    def __init__(self, user):
        self.user = user
        self.scope = user_scope(user)
        self._paths = {}

    def _page_paths(self, action):
        if action not in self._paths:
            self._paths[action] = [
                perm.page.path
                for perm in PagePermissionPolicy().get_cached_permissions_for_user(self.user)
                if perm.permission.codename == f"{action}_page"
            ]
        return self._paths[action]

    def _page_permission(self, action, path):
        if not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        return bool(path) and any(path.startswith(root) for root in self._page_paths(action))

    def _may_edit(self, row, path, locale_id):
        if not self.scope.allows_locale(locale_id):
            return False
        if row.is_page:
            return self._page_permission("change", path)
        return self.user.has_perm(get_permission_name("change", row.model))

    def may_edit_translation(self, row):
        return bool(row.target_edit_url) and self._may_edit(row, row.target_path, row.locale.pk)

    def may_edit_source(self, row, source_locale_id):
        return self._may_edit(row, row.source_path, source_locale_id)

    def title_url(self, row, source_locale_id):
        if self.may_edit_translation(row):
            return row.target_edit_url
        if self.may_edit_source(row, source_locale_id):
            return row.source_edit_url
        return ""

    def may_start(self, row):
        """A missing page translation into one of the user's languages, under a translated parent."""
        return (
            row.status == MISSING
            and row.is_page
            and self.scope.locale_ids is not None  # translators; editors send pages for translation
            and self.scope.allows_locale(row.locale.pk)
            and self._page_permission("add", row.parent_target_path)
        )

    def annotate(self, rows):
        """Set `title_url`, `can_edit_translation`, `can_start` and `needs_parent` on each row."""
        source_locale_id = source_locale().pk
        for row in rows:
            row.title_url = self.title_url(row, source_locale_id)
            row.can_edit_translation = self.may_edit_translation(row)
            row.can_start = self.may_start(row)
            row.needs_parent = (
                row.status == MISSING
                and row.is_page
                and not row.parent_target_path
                and self.scope.locale_ids is not None
                and self.scope.allows_locale(row.locale.pk)
            )
        return rows


@require_POST
def start_page_translation(request, page_id, language_code):
    """Create the translation of a page into the translator's language and open it in the segment editor."""
    source = get_object_or_404(Page, pk=page_id, locale=source_locale()).specific
    locale = get_object_or_404(Locale, language_code=language_code)
    if locale.pk == source.locale_id or not user_scope(request.user).allows_locale(locale.pk):
        raise PermissionDenied
    existing = source.get_translation_or_none(locale)
    if existing is not None and not existing.alias_of_id:
        messages.info(request, _("This page is already translated into %(language)s.") % {"language": locale})
        return redirect("wagtailadmin_pages:edit", existing.pk)
    parent = source.get_parent()
    if not parent.is_root():  # the root holds every language's home page
        parent = parent.get_translation_or_none(locale)
    if parent is None:
        messages.error(
            request,
            _("Translate its parent page “%(parent)s” into %(language)s first.")
            % {
                "parent": source.get_parent().get_admin_display_title(),
                "language": locale.get_display_name(),
            },
        )
        return redirect(reverse("translation_status") + f"?language={locale.language_code}")
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    translate_object(source, [locale], user=request.user)
    translated = source.get_translation(locale)
    messages.success(
        request,
        _(
            "The translation of '%(title)s' into %(language)s was started: translate its segments, then submit it."
        )
        % {"title": source.get_admin_display_title(), "language": locale.get_display_name()},
    )
    return redirect("wagtailadmin_pages:edit", translated.pk)
