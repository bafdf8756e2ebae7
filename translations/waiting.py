"""The translator's dashboard panel "Waiting for your translation".

Lists the translations into the user's own languages that still have
untranslated segments or whose source changed since they were last synced,
newest source change first: what a translator has to do, in one place.
Translators only (users confined to languages other than the source); the
rows come from the status report's computation, a fixed number of queries.
"""

from django.urls import reverse
from laces.components import Component
from wagtail.models import Locale

from .permissions import user_scope
from .status import OUT_OF_DATE, source_locale, translation_statuses

LIMIT = 20


def translator_locales(user):
    """The languages other than the source that `user` is confined to; none for everyone else."""
    scope = user_scope(user)
    if scope.locale_ids is None:
        return []
    return list(Locale.objects.filter(pk__in=scope.locale_ids).exclude(pk=source_locale().pk))


def waiting_for(locales):
    rows = []
    for locale in locales:
        rows += [
            row
            for row in translation_statuses(language_code=locale.language_code)
            if row.target_edit_url and (row.status == OUT_OF_DATE or row.untranslated_segments)
        ]
    rows.sort(key=lambda row: (row.source_changed_at is not None, row.source_changed_at or 0), reverse=True)
    return rows


class WaitingForTranslationPanel(Component):
    name = "waiting_for_translation"
    template_name = "translations/waiting_panel.html"
    order = 140  # before the per-language counts

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows[:LIMIT],
            "more": max(len(self.rows) - LIMIT, 0),
            "report_url": reverse("translation_status"),
        }


def add_waiting_panel(request, panels):
    if locales := translator_locales(request.user):
        panels.append(WaitingForTranslationPanel(waiting_for(locales)))
