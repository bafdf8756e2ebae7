"""Events: a conference, a hearing, a webinar; upcoming and past, each with a calendar file.

Editors enter an event's start and end as the clock reads where it happens, with
that place's time zone (for an online event, the organisers'): "14:00 in
Europe/Brussels". The page shows those times with the zone named; the calendar
file (`<event>/calendar/`) and the API give the moments in UTC too. The UTC
moments are stored (`starts_at`, `ends_at`) so lists sort and split past from
upcoming in the database.

Dates, times, zone, place and link are one record in every language (synchronised
by wagtail-localize); the place's description is translated.
"""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.api import EventCardSchema
from agenda.calendar import event_calendar
from website.blocks import BodyBlock
from website.localized_relations import pages_in_language
from website.models import BasePage, HeroImageMixin
from website.pagination import CountingPaginator
from website.seo import canonical_url, site_base_url

PAST_PAGE_SIZE = 12
UPCOMING_LIMIT = 50
DEFAULT_TIME_ZONE = "Europe/Brussels"  # PI's headquarters


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def events_in_language(locale):
    return pages_in_language(EventPage.objects.all(), locale)


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming events, soonest first, then past events, latest first (paged)."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    api_fields = BasePage.api_fields + [
        APIField("introduction", writable=True),
        APIField("upcoming_events"),
        APIField("recent_past_events"),
    ]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    @property
    def summary(self) -> str:
        return self.introduction

    def upcoming(self):
        """Events not over yet, soonest first. One query."""
        now = timezone.now()
        return list(
            events_in_language(self.locale)
            .filter(ends_at__gte=now)
            .order_by("starts_at", "pk")[:UPCOMING_LIMIT]
        )

    def past(self):
        return (
            events_in_language(self.locale).filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")
        )

    @property
    def upcoming_events(self) -> list[EventCardSchema]:
        return event_cards(self.upcoming())

    @property
    def recent_past_events(self) -> list[EventCardSchema]:
        return event_cards(self.past()[:PAST_PAGE_SIZE])

    @path("")
    def index_view(self, request):
        paginator = CountingPaginator(self.past(), PAST_PAGE_SIZE)
        try:
            past = paginator.page(request.GET.get("page") or 1)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(str(error)) from error
        upcoming = self.upcoming() if past.number == 1 else []
        return self.render(request, context_overrides={"upcoming": upcoming, "past": past})


class EventPage(RoutablePageMixin, HeroImageMixin, BasePage):
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and at the top of the page.")
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"))
    end_date = models.DateField(_("end date"))
    end_time = models.TimeField(_("end time"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("Where the event happens (for an online event, where its organisers are)."),
    )
    venue = models.TextField(
        _("place"), blank=True, help_text=_("The venue and its address. Leave empty for an online event.")
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to watch or join online."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    # In UTC, from the dates, times and zone above (`save`): what lists sort and filter by.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Where")),
        MultiFieldPanel(HeroImageMixin.hero_panels, heading=_("Hero image")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
    ]
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_date"),
        SynchronizedField("end_time"),
        SynchronizedField("time_zone"),
        SynchronizedField("online_url"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    api_fields = BasePage.api_fields + [
        APIField("summary", writable=True),
        APIField("start_date", writable=True),
        APIField("start_time", writable=True),
        APIField("end_date", writable=True),
        APIField("end_time", writable=True),
        APIField("time_zone", writable=True),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("venue", writable=True),
        APIField("online_url", writable=True),
        APIField("calendar_url"),
        *HeroImageMixin.hero_api_fields,
        APIField("body", writable=True),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def local_moments(self):
        """(start, end) as aware datetimes in the event's zone; None where a part is missing."""
        try:
            zone = zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
        if not (self.start_date and self.start_time and self.end_date and self.end_time):
            return None
        return (
            datetime.datetime.combine(self.start_date, self.start_time, tzinfo=zone),
            datetime.datetime.combine(self.end_date, self.end_time, tzinfo=zone),
        )

    def clean(self):
        super().clean()
        moments = self.local_moments()
        if moments is not None and moments[1] <= moments[0]:
            raise ValidationError({"end_time": _("The event must end after it starts.")})
        if not (self.venue.strip() or self.online_url):
            raise ValidationError({"venue": _("Give the place, an online link, or both.")})

    def save(self, *args, **kwargs):
        moments = self.local_moments()
        if moments is not None:
            self.starts_at, self.ends_at = (moment.astimezone(datetime.UTC) for moment in moments)
        super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def calendar_url(self) -> str | None:
        url = self.url
        return url + self.reverse_subpage("calendar_view") if url else None

    @path("")
    def page_view(self, request):
        return self.render(request)

    @path("calendar/")
    def calendar_view(self, request):
        """The event as an .ics file in this page's language."""
        url = canonical_url(request, self)
        description = f"{self.summary}\n\n{url}" if self.summary else url
        location = ", ".join(part for part in (" ".join(self.venue.split()), self.online_url) if part)
        text = event_calendar(
            # The same event in every language: calendars that already hold it update it.
            uid=f"{self.translation_key}@{site_base_url(request).split('://', 1)[-1]}",
            stamp=self.last_published_at or timezone.now(),
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            summary=self.title,
            description=description,
            location=location,
            url=url,
            language=self.locale.language_code,
        )
        response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
        # RFC 6266: a slug with accents (Wagtail keeps them) needs the encoded filename* form.
        response["Content-Disposition"] = content_disposition_header(True, f"{self.slug}.ics")
        return response

    def get_cached_paths(self):
        return ["/", "/calendar/"]


def event_cards(events):
    """Events as lists and other pages' API representations show them."""
    return [
        {
            "id": event.pk,
            "title": event.title,
            "url": event.url,
            "summary": event.summary,
            "starts_at": event.starts_at.isoformat(),
            "ends_at": event.ends_at.isoformat(),
            "time_zone": event.time_zone,
            "online": bool(event.online_url),
            "locale": event.locale.language_code,
        }
        for event in events
    ]
