"""Keep each language backend's index to the live, public pages of its language.

Wagtail sends every saved object to every backend in WAGTAILSEARCH_BACKENDS, and
the database backends all write to modelsearch's one IndexEntry table (one row per
object). A language backend therefore accepts only the searchable pages of its
own language, so each row is written by exactly one backend, with that
language's text search configuration; and it removes its language's rows for
pages that stopped being visible (unpublished, moved under a restriction or
under an unpublished section), because Wagtail's signal handler never deletes
on save.

"Visible" is what an anonymous visitor may open (`website.visibility.public_pages`,
whose path-only filters every backend accepts).
"""

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale, Page

from website.visibility import public_pages

# The page types the public search covers, as "app_label.ModelName"; a model
# whose app is not installed is skipped.
SEARCHABLE_PAGE_MODELS = (
    "programmes.ProgrammePage",
    "resources.ResourcePage",
    "pages.StandardPage",
    "pages.ContactPage",
    "news.NewsPage",
    "events.EventPage",
)


def searchable_models():
    models = []
    for label in SEARCHABLE_PAGE_MODELS:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return models


def is_searchable_model(model):
    return any(issubclass(model, searchable) for searchable in searchable_models())


def indexable_pages(model, language):
    """The pages of `model` in `language` that its backend should hold, by id."""
    return public_pages(model.objects.filter(locale__language_code=language)).order_by("pk")


class LanguageScope:
    """Which objects a backend for `language` may hold (None: any language)."""

    def __init__(self, language):
        self.language = language

    def split(self, model, objects):
        """(objects to index, objects of this language to remove from the index).

        A few queries whatever the number of objects.
        """
        objects = list(objects)
        if not objects or not issubclass(model, Page) or not is_searchable_model(model):
            return [], []
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        own = [
            obj for obj in objects if self.language is None or languages.get(obj.locale_id) == self.language
        ]
        if not own:
            return [], []
        visible = set(
            public_pages(Page.objects.filter(pk__in=[obj.pk for obj in own])).values_list("pk", flat=True)
        )
        return [obj for obj in own if obj.pk in visible], [obj for obj in own if obj.pk not in visible]


def own_entries(entries, language):
    """The IndexEntry rows of searchable pages in `language` (for a clean rebuild)."""
    content_types = set()
    for model in searchable_models():
        content_types.update(get_descendants_content_types_pks(model))
    page_ids = (
        Page.objects.filter(locale__language_code=language)
        .annotate(object_id_text=Cast("pk", TextField()))
        .values("object_id_text")
    )
    return entries.filter(content_type_id__in=content_types, object_id__in=page_ids)
