"""The check every page passes on its way to visitors: no placeholder left in."""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from website.language_profiles import PROFILES


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
                        _("Replace the placeholder “%(placeholder)s” before publishing; a draft may keep it.")
                        % {"placeholder": found.group(0)},
                    )
                    return cleaned_data
        return cleaned_data
