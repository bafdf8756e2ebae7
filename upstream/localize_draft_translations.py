"""Workaround: wagtail-localize saves a "draft" of a live translation into the live object.

`Translation.save_target(publish=False)` (wagtail_localize/models.py,
`TranslationSource.create_or_update_translation`) writes the translated content
into the target's own row and only then saves a revision; for a snippet with
drafts it also sets `live = False`. On a page or snippet that is already live,
the "draft" is therefore public at once (or the live snippet is withdrawn),
before any moderator has seen it. Wagtail keeps the live content in the row and
drafts in revisions, so for a live target `save_target(publish=False)` here
only saves a new revision, as Wagtail's own "Save draft" does; the live content
changes when a moderator publishes that revision. Targets that are not live
keep wagtail-localize's behaviour. Delete this module when wagtail-localize
saves drafts of live objects as revisions (no upstream issue found: the text to file is in
upstream/ISSUES.md; tests/upstream/test_localize_draft_translations.py says when).
"""

import functools

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationLog,
)


def is_live(instance):
    """True for a live page (aliases excluded: they hold no content of their own) or live snippet."""
    if isinstance(instance, Page):
        return instance.live and not instance.alias_of_id
    return isinstance(instance, DraftStateMixin) and instance.live


def _mark_segment_errors(source, locale, error):
    """Flag the segments a validation error is about, as wagtail-localize does on save."""
    for field_name, messages in getattr(error, "error_dict", {}).items():
        context = TranslationContext.objects.filter(object=source.object, path=field_name).first()
        if context is None:
            continue
        string_ids = StringSegment.objects.filter(source=source).values_list("string_id", flat=True)
        for translated in StringTranslation.objects.filter(
            translation_of_id__in=string_ids, context=context, locale=locale
        ):
            translated.set_field_error(messages)
        for override in SegmentOverride.objects.filter(context=context, locale=locale):
            override.set_field_error(messages)


def save_draft_revision(translation, user=None):
    """Save the translated content of a live target as a new revision; the live content stays."""
    source = translation.source
    locale = translation.target_locale
    target = source.get_ephemeral_translated_instance(locale, fallback=True)
    if isinstance(target, Page):
        target.slug = find_available_slug(target.get_parent(), slugify(target.slug), ignore_page_id=target.pk)
    try:
        with transaction.atomic():
            revision = target.save_revision(user=user, log_action=True)
            TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    except ValidationError as error:
        _mark_segment_errors(source, locale, error)
        raise
    return target


def _drafts_of_live_targets_are_revisions(original):
    @functools.wraps(original)
    def save_target(self, user=None, publish=True):
        if not publish:
            try:
                target = self.get_target_instance()
            except ObjectDoesNotExist:
                target = None
            if target is not None and is_live(target):
                save_draft_revision(self, user=user)
                return None
        return original(self, user=user, publish=publish)

    save_target.scoped = True
    return save_target


UPSTREAM_SAVE_TARGET = Translation.save_target


def apply():
    if not getattr(Translation.save_target, "scoped", False):
        Translation.save_target = _drafts_of_live_targets_are_revisions(UPSTREAM_SAVE_TARGET)
