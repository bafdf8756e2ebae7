from django.apps import AppConfig


class EventsConfig(AppConfig):
    # The package is not called `events`: opensearch-py imports a library of that name, which
    # a package at the project's root would hide. The label keeps the models' names (events.EventPage).
    name = "agenda"
    label = "events"
    verbose_name = "Events"
