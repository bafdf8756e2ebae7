"""Workarounds for permission and input-checking gaps in wagtail-localize 1.14.

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
3. "Convert to alias" (`convert_to_alias`) and "Stop Synced translation"
   (`stop_translation`) only ask whether the user may edit. Converting replaces
   a live translation with the source-language page (and deletes the
   translation record); stopping detaches the translation from its source, so
   that the page's shared facts become editable in it and later syncs skip it.
   Both decide what a language's visitors get, so they now need the right to
   publish that page or snippet (moderators); the segment editor no longer
   offers "Convert to alias" to anyone else, nor does Wagtail's action menu
   (wagtail_hooks.py), and those who may not publish get a footer without
   "Stop Synced translation" (templatetags/translation_review.py).
4. Malformed requests raise instead of being refused: a PO upload without a file
   (`MultiValueDictKeyError`) or whose file lacks the
   `X-WagtailLocalize-TranslationID` header (`KeyError`), a segment or override
   edit without `value` (`MultiValueDictKeyError`). They now get a 400 (the
   segment editor's JSON API) or an error message and a redirect (the upload
   form).
5. Saving a draft of a live translation publishes it: see draft_translations.py.

`apply()` is called once, from the app's `ready()`. Delete this module when
wagtail-localize checks object and publish permissions itself.
"""

import contextlib
import functools
import json
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, update_translations

from . import delete_permission, draft_translations
from .permissions import user_can_change_in_locale

PO_TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


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


def _next_url(request, fallback):
    return get_valid_next_url_from_request(request) or fallback


def _convert_needs_publish_rights(original):
    @functools.wraps(original)
    def convert_to_alias(request, page_id):
        page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
        if not page.permissions_for_user(request.user).can_publish():
            messages.error(
                request,
                _("Only someone who may publish this page can replace its translation with the source page."),
            )
            return redirect(_next_url(request, reverse("wagtailadmin_pages:edit", args=[page.pk])))
        return original(request, page_id)

    convert_to_alias.scoped = True
    return convert_to_alias


def _stop_needs_publish_rights(original):
    @functools.wraps(original)
    def stop_translation(request, translation_id):
        if request.method == "POST":
            translation = get_object_or_404(Translation, id=translation_id)
            try:
                instance = translation.get_target_instance()
            except ObjectDoesNotExist as error:
                raise Http404 from error
            if not user_can_publish(request.user, instance):
                messages.error(
                    request, _("Only someone who may publish this translation can stop syncing it.")
                )
                return redirect(_next_url(request, translation.get_target_instance_edit_url()))
        return original(request, translation_id)

    stop_translation.scoped = True
    return stop_translation


def _missing_value_is_a_bad_request(original):
    """The segment editor's JSON API: a PUT without `value` is a 400, not a 500."""

    @functools.wraps(original)
    def view(request, *args, **kwargs):
        try:
            return original(request, *args, **kwargs)
        except MultiValueDictKeyError as error:
            if error.args != ("value",):
                raise
            return JsonResponse({"error": _("Send the translated text as “value”.")}, status=400)

    view.scoped = True
    return view


def _po_upload_problem(upload):
    """Why an uploaded PO file cannot be imported, or None to let wagtail-localize decide."""
    # polib reads a path (a string would be read as the file's content or a path:
    # see wagtail-localize's upload view), hence the temporary file.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
    try:
        po = polib.pofile(copy.name)
    except (OSError, UnicodeDecodeError):
        return None  # wagtail-localize reports files it cannot read
    finally:
        with contextlib.suppress(OSError):
            os.unlink(copy.name)
        upload.seek(0)
    if PO_TRANSLATION_ID_HEADER not in po.metadata:
        return _(
            "This PO file does not say which translation it belongs to: download the PO file of this "
            "translation, fill it in and upload that file."
        )
    return None


def _po_upload_checks_its_input(original):
    @functools.wraps(original)
    def upload_pofile(request, translation_id):
        if request.method == "POST":
            upload = request.FILES.get("file")
            problem = _("Choose a PO file to upload.") if upload is None else _po_upload_problem(upload)
            if problem:
                messages.error(request, problem)
                return redirect(_next_url(request, reverse("wagtailadmin_home")))
        return original(request, translation_id)

    upload_pofile.scoped = True
    return upload_pofile


def segment_editor_props(props, instance, user):
    """The segment editor's props without "Convert to alias" where the user may not use it."""
    if not isinstance(instance, Page) or instance.permissions_for_user(user).can_publish():
        return props
    decoded = json.loads(props)
    decoded["links"]["convertToAliasUrl"] = None
    return json.dumps(decoded, cls=DjangoJSONEncoder)


def _wrap(module, name, wrapper):
    if not getattr(getattr(module, name), "scoped", False):
        setattr(module, name, wrapper(getattr(module, name)))


def apply():
    _wrap(edit_translation, "user_can_edit_instance", _scoped_user_can_edit_instance)
    _wrap(update_translations.UpdateTranslationsView, "form_valid", _publish_needs_publish_rights)
    _wrap(convert, "convert_to_alias", _convert_needs_publish_rights)
    _wrap(edit_translation, "stop_translation", _stop_needs_publish_rights)
    _wrap(edit_translation, "edit_string_translation", _missing_value_is_a_bad_request)
    _wrap(edit_translation, "edit_override", _missing_value_is_a_bad_request)
    _wrap(edit_translation, "upload_pofile", _po_upload_checks_its_input)
    delete_permission.apply()
    draft_translations.apply()
