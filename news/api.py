"""How news items appear in API v3 when listed: the news index's first page, other pages' links."""

from typing import Literal

from ninja import Field, Schema


class NewsCardSchema(Schema):
    id: int
    title: str
    url: str | None
    date: str = Field(description="ISO 8601 date")
    kind: Literal["news", "statement"]
    summary: str
    locale: str
