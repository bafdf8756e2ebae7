"""Translators bring their own translation up to date with its source, and see what changed.

wagtail-localize shows a translation against the source as it was when the
translation was last synced: after the English page changes, the segment
editor still shows the old English, every segment ticked, with nothing to say
so; and only "Sync translated pages" (`UpdateTranslationsView`), which needs
the right to submit translations (editors), reads the new source. Here:

- the segment editor says when the source changed after the last sync, with a
  button to update the translation (`out_of_date_since`, the notice in
  templates/translations/includes/source_changes.html);
- `sync_translation` does for one translation what wagtail-localize's view
  does (`TranslationSource.update_from_db`, then the page's view
  restrictions), for anyone who may edit that translation: a translator of
  its language, not of another one (403). It never publishes. The source
  record is shared by every language, so the other languages' translations
  are then also shown against the new source, as after an editor's sync;
- after a sync, each segment that lost its translation shows the old and new
  source word by word, with the earlier translations the memory offers
  (translations/memory.py) and a button to use one (`use_suggestion`).

This is a panel above wagtail-localize's segment editor rather than a change
to that editor: the editor is a compiled React application whose props are
not a public interface, and pre-filling its segments with the old translation
would pass stale text off as translated (progress, status and review would
count it as done).
"""

import functools

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from . import memory

# What counts as a change of a snippet without drafts (translations/status.py reads them the same way).
CHANGE_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.publish")
PLAIN_TEXT = "text/plain; charset=utf-8"


def source_changed_at(source):
    """When the source of `source` (a TranslationSource) last changed, as the status report reads it:
    pages and snippets with drafts when they were last published, other snippets when last edited."""
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist:
        return None
    published = getattr(instance, "last_published_at", None)
    if published or isinstance(instance, Page):
        return published
    entry = log_registry.get_logs_for_instance(instance).filter(action__in=CHANGE_ACTIONS).first()
    return entry.timestamp if entry else None


def out_of_date_since(translation):
    """When the source changed, if that was after the translation was last synced; else None."""
    changed = source_changed_at(translation.source)
    if changed and changed > translation.source.last_updated_at:
        return changed
    return None


class _Forbidden(Exception):
    pass


def _editable_translation(request, translation_id):
    """The enabled translation, if the user may edit its target (else `_Forbidden`)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id, enabled=True
    )
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    # Looked up on the module: upstream/localize_translation_views.py confines it to the user's languages.
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise _Forbidden
    return translation


def _answers_forbidden_with_403(view):
    """A plain 403 for a refused request, not the admin's redirect to the dashboard that
    PermissionDenied gets (`require_admin_access`): these are POSTs from buttons the segment
    editor shows only to those who may use them."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Forbidden:
            return HttpResponseForbidden(
                _("Only those who may edit this translation can do this."), content_type=PLAIN_TEXT
            )

    return wrapped


def _next_url(request, translation):
    return get_valid_next_url_from_request(request) or translation.get_target_instance_edit_url()


@require_POST
@_answers_forbidden_with_403
def sync_translation(request, translation_id):
    translation = _editable_translation(request, translation_id)
    source = translation.source
    try:
        with transaction.atomic():
            source.update_from_db()
            source.update_target_view_restrictions(translation.target_locale)
    except ObjectDoesNotExist as error:
        raise Http404 from error  # the source was deleted
    total, translated = translation.get_progress()
    missing = total - translated
    language = source.locale.get_display_name()
    if missing:
        message = ngettext(
            "The translation now follows the current %(language)s version: %(count)d segment needs a "
            "translation.",
            "The translation now follows the current %(language)s version: %(count)d segments need a "
            "translation.",
            missing,
        ) % {"language": language, "count": missing}
    else:
        message = _("The translation now follows the current %(language)s version.") % {"language": language}
    messages.success(request, message)
    return redirect(_next_url(request, translation))


@require_POST
@_answers_forbidden_with_403
def use_suggestion(request, translation_id, segment_id):
    translation = _editable_translation(request, translation_id)
    try:
        suggestion_id = int(request.POST["suggestion"])
    except (KeyError, ValueError):
        return HttpResponseBadRequest(_("Say which suggestion to use."), content_type=PLAIN_TEXT)
    try:
        stored = memory.use_suggestion(translation, segment_id, suggestion_id, request.user)
    except memory.NotASuggestion:
        messages.error(
            request,
            _("That suggestion is no longer offered for this segment: the segment may be translated."),
        )
        return redirect(_next_url(request, translation))
    if stored.has_error:
        messages.warning(
            request,
            _("The suggestion was used, but it does not fit the new text (%(error)s): correct it below.")
            % {"error": stored.get_error()},
        )
    else:
        messages.success(request, _("The suggestion was used: check it against the new text below."))
    return redirect(_next_url(request, translation))


def admin_urls():
    return [
        path("translations/<int:translation_id>/sync/", sync_translation, name="translation_sync"),
        path(
            "translations/<int:translation_id>/segments/<int:segment_id>/use-suggestion/",
            use_suggestion,
            name="translation_use_suggestion",
        ),
    ]


def source_changes(translation):
    """What the panel above the segment editor shows: the notice and the changed segments."""
    since = out_of_date_since(translation)
    return {
        "out_of_date_since": since,
        "source_language": translation.source.locale.get_display_name(),
        "is_page": issubclass(translation.source.specific_content_type.model_class() or object, Page),
        "sync_url": reverse("translation_sync", args=[translation.pk]),
        "segments": memory.changed_segments(translation),
    }
