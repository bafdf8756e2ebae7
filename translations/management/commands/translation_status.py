import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from translations.status import (
    STATUS_LABELS,
    STATUSES,
    counts_by_language,
    source_locale,
    translation_statuses,
)


class Command(BaseCommand):
    help = (
        "Show, for every page and snippet and every language other than the source, whether its "
        "translation is up to date, out of date, in progress or missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="only this language code, e.g. fr")
        parser.add_argument("--status", choices=STATUSES, help="only translations with this status")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args, locale=None, status=None, **options):
        if locale is not None:
            codes = list(
                Locale.objects.exclude(pk=source_locale().pk).values_list("language_code", flat=True)
            )
            matching = [code for code in codes if code.lower() == locale.lower()]  # "FR" is "fr"
            if not matching:
                raise CommandError(
                    f"Unknown language {locale!r} for --locale: use one of {', '.join(sorted(codes))}."
                )
            locale = matching[0]
        rows = translation_statuses(language_code=locale, status=status)
        if options["json"]:
            self._print_json(rows)
        else:
            self._print_table(rows)

    def _print_json(self, rows):
        payload = {
            "counts": counts_by_language(rows),
            "translations": [row.as_dict() for row in rows],
        }
        self.stdout.write(json_dumps(payload))

    def _print_table(self, rows):
        if not rows:
            self.stdout.write("Nothing to translate.")
            return
        for code, counts in sorted(counts_by_language(rows).items()):
            summary = ", ".join(f"{counts[key]} {STATUS_LABELS[key].lower()}" for key in STATUSES)
            self.stdout.write(f"{code}: {summary}")
        self.stdout.write("")
        for row in rows:
            changed = row.source_changed_at.strftime("%Y-%m-%d %H:%M") if row.source_changed_at else "-"
            self.stdout.write(
                f"{row.language_code}  {str(row.status_label):<12} {changed:<16}  {row.kind}: {row.title}"
            )


def json_dumps(payload):
    return json.dumps(payload, indent=2, ensure_ascii=False)
