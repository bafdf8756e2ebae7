"""The check every page passes on its way to visitors: no placeholder left in.

Two places hold it. The edit form (`PublishingPageForm`) tells the editor which
field holds the placeholder before anything is saved. Every other way to
publish (API v3's PATCH with `action: publish` and its publish action, the
admin's bulk publish, workflow approval, scheduled publishing, `revision.publish()`
in code) goes through `PlaceholderCheckedPublishAction`: `BasePage.publish` uses
it, and API v3 finds it in Wagtail's action registry (website/wagtail_hooks.py).
"""

import logging
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import COMMENTS_RELATION_NAME

from website.language_profiles import PROFILES

logger = logging.getLogger(__name__)


def accent_optional(word):
    """A pattern for `word` that also matches it written without its accents ("inserer")."""
    pattern = ""
    for char in word:
        bare = unicodedata.normalize("NFKD", char)[0]
        pattern += f"[{char}{bare}]" if bare != char else re.escape(char)
    return pattern


def placeholder_pattern(words):
    alternatives = "|".join(accent_optional(word) for word in dict.fromkeys(words))
    return re.compile(rf"\[\s*(?:{alternatives})\b[^\]]{{0,80}}\]|\blorem ipsum\b", re.IGNORECASE)


# Placeholders that drafts carry and visitors must never see ("[Insert photo here]",
# "[TBC]", "Lorem ipsum"): a bracket that opens with a placeholder word of any language
# (website/language_profiles.py). Plain brackets, e.g. a footnote "[1]", are not placeholders.
PLACEHOLDER = placeholder_pattern(
    word for language in PROFILES.values() for word in language.placeholder_words
)

# Where a revision's content is not the page's: reviewers' comments may say "[TBC]".
NOT_CONTENT = frozenset({COMMENTS_RELATION_NAME})
PLACEHOLDER_MESSAGE = _("Replace the placeholder “%(placeholder)s” before publishing; a draft may keep it.")


def placeholder_in(content):
    """The first placeholder in a revision's content (its fields, StreamField and rich
    text included, and its child objects), or None."""
    pending = [content]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if found := PLACEHOLDER.search(value):
                return found.group(0)
        elif isinstance(value, dict):
            pending.extend(item for key, item in value.items() if key not in NOT_CONTENT)
        elif isinstance(value, list | tuple):
            pending.extend(value)
    return None


class PlaceholderError(ValidationError):
    """A revision that still holds a placeholder was asked to go live (API v3 answers 422)."""

    def __init__(self, page, placeholder):
        self.page = page
        self.placeholder = placeholder
        super().__init__(
            _("“%(title)s”: %(message)s")
            % {"title": page.title, "message": PLACEHOLDER_MESSAGE % {"placeholder": placeholder}},
            code="placeholder",
        )


def refuse_placeholders(revision):
    if placeholder := placeholder_in(revision.content):
        raise PlaceholderError(revision.content_object, placeholder)


class PlaceholderCheckedPublishAction(PublishPageRevisionAction):
    """Wagtail's page publishing, refused (PlaceholderError) for a revision with a placeholder.

    Scheduling a revision to go live later is refused too. A revision scheduled
    before this check existed, and found holding a placeholder when its time
    comes, is taken off the schedule instead (`BasePage.publish`).
    """

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        refuse_placeholders(self.revision)


# The edit view's buttons that take content towards visitors: publish, submit
# to the review workflow, or approve in it. Saving a draft is never blocked.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


class PublishingPageForm(WagtailAdminPageForm):
    """Refuses to publish (or send for review) a page that still holds a placeholder.

    PI's earlier MP platform went live with "[Insert photo…]" on its pages.
    The check reads the submitted values as they are, StreamField and rich
    text included, so it sees every field of every page type.
    """

    def clean(self):
        cleaned_data = super().clean()
        if not any(self.data.get(action) for action in PUBLISHING_ACTIONS):
            return cleaned_data
        for key, values in self.data.lists():
            for value in values:
                if found := PLACEHOLDER.search(value):
                    field = key.split("-")[0]
                    self.add_error(
                        field if field in self.fields else None,
                        PLACEHOLDER_MESSAGE % {"placeholder": found.group(0)},
                    )
                    return cleaned_data
        return cleaned_data
