"""Workarounds for two permission gaps in wagtail-localize 1.14.

1. Its translation views and the segment editor's API (`edit_string_translation`,
   PO upload and download, machine translation, preview, stop) decide who may
   edit a translated snippet with `user_can_edit_snippet_type`: any right on the
   model, in any language (wagtail_localize/views/edit_translation.py,
   `user_can_edit_instance`). A French translator could then edit the Spanish
   snippets. The check is wrapped so that it also asks the user's language scope.
2. "Sync translated pages" (`UpdateTranslationsView`) publishes every
   translation when its "Publish immediately" box is ticked, checking only the
   `submit_translation` permission: an editor without publishing rights would
   publish pages past the review workflow. Ticking it now needs the right to
   publish every translation concerned.
3. Saving a draft of a live translation publishes it: see draft_translations.py.

`apply()` is called once, from the app's `ready()`. Delete this module when
wagtail-localize checks object and publish permissions itself.
"""

import functools

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views import edit_translation, update_translations

from . import delete_permission, draft_translations
from .permissions import user_can_change_in_locale


def _scoped_user_can_edit_instance(original):
    @functools.wraps(original)
    def user_can_edit_instance(user, instance):
        return original(user, instance) and user_can_change_in_locale(user, instance)

    user_can_edit_instance.scoped = True
    return user_can_edit_instance


def user_can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance))) and user_can_change_in_locale(
            user, instance
        )
    # Snippets without drafts are live as soon as they are saved.
    return edit_translation.user_can_edit_instance(user, instance)


def _publish_needs_publish_rights(original):
    @functools.wraps(original)
    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations"):
            for translation in self.object.translations.filter(enabled=True):
                try:
                    target = translation.get_target_instance()
                except ObjectDoesNotExist:
                    continue  # wagtail-localize skips it too
                if not user_can_publish(self.request.user, target):
                    raise PermissionDenied
        return original(self, form)

    form_valid.scoped = True
    return form_valid


def apply():
    if not getattr(edit_translation.user_can_edit_instance, "scoped", False):
        edit_translation.user_can_edit_instance = _scoped_user_can_edit_instance(
            edit_translation.user_can_edit_instance
        )
    view = update_translations.UpdateTranslationsView
    if not getattr(view.form_valid, "scoped", False):
        view.form_valid = _publish_needs_publish_rights(view.form_valid)
    delete_permission.apply()
    draft_translations.apply()
