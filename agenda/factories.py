import datetime

import factory
import wagtail_factories

from agenda.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Where to meet us."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A meeting with members of parliament."
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    start_time = datetime.time(14, 0)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    end_time = datetime.time(16, 0)
    time_zone = "Europe/Brussels"
    venue = "Rue de la Linière 11, Brussels"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>All welcome.</p>"}])

    class Meta:
        model = EventPage
