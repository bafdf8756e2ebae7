from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from agenda import demo as events_demo
from home import demo as home_demo
from home import demo_users
from home.models import HomePage
from news import demo as news_demo
from pages import demo as pages_demo
from programmes import demo as programme_demo
from resources import demo as resource_demo
from search import demo as search_demo


class Command(BaseCommand):
    help = "Load the demo content in every language. Safe to run again: it adds only what is missing."

    def handle(self, *args, verbosity=1, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content (with its published demo passwords) is not allowed with these "
                "settings. Use website.settings.dev for a local demo."
            )

        def log(message):
            if verbosity > 1:
                self.stdout.write(f"  {message}")

        with transaction.atomic():
            demo_users.load(log)
            home = HomePage.objects.get(depth=2, locale=Locale.get_default())
            home_demo.load_home(home, log)
            programmes = programme_demo.load(home, log)
            index = next(iter(programmes.values())).get_parent()
            home_demo.feature_programmes(home, index, programmes.values(), log)
            resource_demo.load(home, programmes, log)
            pages_demo.load(home, log)
            news_demo.load(home, programmes, log)
            events_demo.load(home, log)
            search_demo.load(log)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
