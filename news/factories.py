import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    introduction = "News and statements."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "What happened."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Defenders met MPs.</p>"}])

    class Meta:
        model = NewsPage
