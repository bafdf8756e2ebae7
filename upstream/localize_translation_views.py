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

Who may change and publish what is this project's policy (translations/permissions.py,
the user's language scope): the app that owns it hands it over with
`use_permissions()` from its `ready()`, so that this home imports no feature app.
Until it has, the patched views refuse (ImproperlyConfigured) rather than fall
back to wagtail-localize's wider checks.

Upstream: no issue found in wagtail/wagtail-localize for any of the four; the
texts to file are in upstream/ISSUES.md. Delete each part when wagtail-localize
checks object and publish permissions and its input itself: each has a canary
in tests/upstream/test_localize_translation_views.py.
"""

import contextlib
import functools
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, update_translations

PO_TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"

UPSTREAM_USER_CAN_EDIT_INSTANCE = edit_translation.user_can_edit_instance
UPSTREAM_UPDATE_FORM_VALID = update_translations.UpdateTranslationsView.form_valid
UPSTREAM_CONVERT_TO_ALIAS = convert.convert_to_alias
UPSTREAM_STOP_TRANSLATION = edit_translation.stop_translation
UPSTREAM_EDIT_STRING_TRANSLATION = edit_translation.edit_string_translation
UPSTREAM_EDIT_OVERRIDE = edit_translation.edit_override
UPSTREAM_UPLOAD_POFILE = edit_translation.upload_pofile

_permissions = {}


def use_permissions(*, can_change_in_locale, can_publish):
    """The project's answers to "may `user` change `instance` in its language / publish it"."""
    _permissions.update(can_change_in_locale=can_change_in_locale, can_publish=can_publish)


def _permission(name):
    try:
        return _permissions[name]
    except KeyError:
        raise ImproperlyConfigured(
            "upstream.localize_translation_views needs use_permissions() before serving a request."
        ) from None


def user_can_publish(user, instance):
    return _permission("can_publish")(user, instance)


def _scoped_user_can_edit_instance(original):
    @functools.wraps(original)
    def user_can_edit_instance(user, instance):
        return original(user, instance) and _permission("can_change_in_locale")(user, instance)

    return user_can_edit_instance


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

    return upload_pofile


def apply():
    edit_translation.user_can_edit_instance = _scoped_user_can_edit_instance(UPSTREAM_USER_CAN_EDIT_INSTANCE)
    update_translations.UpdateTranslationsView.form_valid = _publish_needs_publish_rights(
        UPSTREAM_UPDATE_FORM_VALID
    )
    convert.convert_to_alias = _convert_needs_publish_rights(UPSTREAM_CONVERT_TO_ALIAS)
    edit_translation.stop_translation = _stop_needs_publish_rights(UPSTREAM_STOP_TRANSLATION)
    edit_translation.edit_string_translation = _missing_value_is_a_bad_request(
        UPSTREAM_EDIT_STRING_TRANSLATION
    )
    edit_translation.edit_override = _missing_value_is_a_bad_request(UPSTREAM_EDIT_OVERRIDE)
    edit_translation.upload_pofile = _po_upload_checks_its_input(UPSTREAM_UPLOAD_POFILE)
