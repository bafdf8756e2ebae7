from django.core.management.base import BaseCommand

from search.promotions import HITS_KEPT_DAYS, flush_search_hits


class Command(BaseCommand):
    help = (
        "Add the searches counted in the cache to the popular-searches report. Run it every few "
        f"minutes (cron); counts older than {HITS_KEPT_DAYS} days are dropped."
    )

    def handle(self, *args, **options):
        flushed = flush_search_hits()
        if options["verbosity"]:
            self.stdout.write(f"{flushed} searches added to the popular-searches report.")
