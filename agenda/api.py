"""How events appear in API v3 when listed: the events index's upcoming and recent past events."""

from ninja import Field, Schema


class EventCardSchema(Schema):
    id: int
    title: str
    url: str | None
    summary: str
    starts_at: str = Field(description="ISO 8601 date and time, in UTC")
    ends_at: str = Field(description="ISO 8601 date and time, in UTC")
    time_zone: str = Field(description="The IANA time zone the event's times are given in")
    online: bool = Field(description="Whether it can be followed online")
    locale: str
