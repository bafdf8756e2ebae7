from django.conf import settings
from django.core.management.base import CommandError
from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand


class Command(RebuildCommand):
    help = (
        "Rebuild the public search index of every content language, or of one with --locale fr. "
        "Shows progress; only live, public pages are indexed."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--locale", help="Reindex only this language (e.g. fr).")

    def handle(self, **options):
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        locale = options.get("locale")
        if locale and locale not in languages:
            raise CommandError(f"Unknown locale {locale!r}; choose one of {', '.join(languages)}.")
        if options.get("backend_name") is None:
            options["backend_name"] = locale
        if options["backend_name"] is None:
            self.verbosity = options["verbosity"]
            for code in languages:
                self.update_backend(code, chunk_size=options["chunk_size"])
            return
        super().handle(**options)
