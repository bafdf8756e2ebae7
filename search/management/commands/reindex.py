import argparse
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.search.backends import get_search_backend

from search.backends.scoping import indexable_pages, searchable_models

DEFAULT_CHUNK_SIZE = 1000


def positive_int(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return number


def pages(count):
    return f"{count} page" if count == 1 else f"{count} pages"


def describe(backend, index):
    """The index in words: its Elasticsearch name, or the database's text search configuration."""
    name = getattr(index, "name", None)
    if name:
        return f"index {name}"
    config = getattr(backend, "config", None)
    if config:
        return f"database index (PostgreSQL text search configuration {config})"
    return "database index (SQLite full text)"


class Command(BaseCommand):
    help = (
        "Rebuild the public search index of every content language, or of one with --locale fr. "
        "Only live, public programme pages and publications are indexed; shows progress per "
        "language and page type."
    )

    def add_arguments(self, parser):
        languages = ", ".join(self.languages())
        parser.add_argument("--locale", help=f"Reindex only this language ({languages}).")
        parser.add_argument(
            "--backend",
            dest="backend_name",
            help=f"The same as --locale: there is one search backend per language ({languages}).",
        )
        parser.add_argument(
            "--chunk_size",
            "--chunk-size",
            dest="chunk_size",
            type=positive_int,
            default=DEFAULT_CHUNK_SIZE,
            help=f"Pages read and indexed at a time (default {DEFAULT_CHUNK_SIZE}).",
        )
        parser.add_argument(
            "--schema-only",
            action="store_true",
            help="Recreate the indexes (mappings) without adding pages.",
        )

    @staticmethod
    def languages():
        return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]

    def handle(self, *, locale=None, backend_name=None, chunk_size=DEFAULT_CHUNK_SIZE, **options):
        self.verbosity = options["verbosity"]
        languages = self.languages()
        for option, value in (("--locale", locale), ("--backend", backend_name)):
            if value is not None and value not in languages:
                raise CommandError(f"Unknown {option} {value!r}; choose one of {', '.join(languages)}.")
        if locale and backend_name and locale != backend_name:
            raise CommandError(
                f"--locale {locale} and --backend {backend_name} disagree: the backend of a language "
                "is named after it, so give only one of them."
            )
        for language in [locale or backend_name] if (locale or backend_name) else languages:
            self.rebuild(language, chunk_size, options["schema_only"])

    def write(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

    def rebuild(self, language, chunk_size, schema_only):
        start = time.monotonic()
        backend = get_search_backend(language)
        total = 0
        for index, models in group_models_by_index(backend, searchable_models()).items():
            self.write(f"{language}: rebuilding the {describe(backend, index)}")
            rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
            index = rebuilder.start() if rebuilder else index
            for model in models:
                index.add_model(model)
            if not schema_only:
                for model in models:
                    total += self.add_pages(index, model, language, chunk_size)
            if rebuilder:
                rebuilder.finish()
        self.write(f"{language}: indexed {pages(total)} in {time.monotonic() - start:.1f} s")

    def add_pages(self, index, model, language, chunk_size):
        label = model._meta.label
        ids = list(indexable_pages(model, language).values_list("pk", flat=True))
        done = 0
        for begin in range(0, len(ids), chunk_size):
            chunk = list(model.objects.filter(pk__in=ids[begin : begin + chunk_size]).order_by("pk"))
            index.add_items(model, chunk)
            done += len(chunk)
            if len(ids) > chunk_size:
                self.write(f"{language}: {label}: {done} of {pages(len(ids))}")
        self.write(f"{language}: {label}: {pages(done)}")
        return done
