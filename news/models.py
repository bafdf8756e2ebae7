"""News and statements: dated items, tagged to programmes, listed per language and in a feed.

A statement is a news item of its own kind (PI's public position, signed by the
organisation), so visitors and feed readers can tell the two apart; both live under
the one news index of each language.

The date, the kind, the programmes and the related publications are one record in
every language: wagtail-localize copies them to translations when it syncs, and lists
read them from the source-language item (`source`), as the library does for a
publication's facts (resources/models.py), because wagtail-localize does not copy a
many-to-many relation that was emptied.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news import feeds
from news.api import NewsCardSchema
from news.forms import NewsPageForm
from programmes.api import ProgrammeCardSchema, programme_cards
from resources import related_publications
from resources.api_representations import PublicationSchema
from website.blocks import BodyBlock
from website.localized_relations import localize_live_pages, pages_in_language
from website.models import BasePage, HeroImageMixin
from website.pagination import CountingPaginator
from website.visibility import public_pages

PAGE_SIZE = 12
FEED_SIZE = 30
PROGRAMME_NEWS_SIZE = 3


def news_in_language(locale):
    """The live, public news of `locale`, newest first, with the source language's items that
    have no public translation there. One query."""
    return pages_in_language(NewsPage.objects.all(), locale).order_by("-date", "-pk")


class NewsIndexPage(RoutablePageMixin, BasePage):
    """News and statements of one language, newest first, with their RSS feed at `feed/`."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    api_fields = BasePage.api_fields + [
        APIField("introduction", writable=True),
        APIField("latest_news"),
        APIField("feed_url"),
    ]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    @property
    def summary(self) -> str:
        return self.introduction

    @property
    def latest_news(self) -> list[NewsCardSchema]:
        """The first page of the list, as cards; the pages endpoint (type=news.NewsPage) pages further."""
        return news_cards(news_in_language(self.locale)[:PAGE_SIZE])

    @property
    def feed_url(self) -> str | None:
        url = self.url
        return url + self.reverse_subpage("feed_view") if url else None

    def paginated_news(self, page_number):
        paginator = CountingPaginator(news_in_language(self.locale), PAGE_SIZE)
        try:
            return paginator.page(page_number or 1)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(str(error)) from error

    @path("")
    def index_view(self, request):
        return self.render(request, context_overrides={"news": self.paginated_news(request.GET.get("page"))})

    @path("feed/")
    def feed_view(self, request):
        return feeds.news_feed(request, self, news_in_language(self.locale)[:FEED_SIZE])

    def get_cached_paths(self):
        # The HTTP cache purges the feed with the list (website/frontend_cache.py).
        return ["/", "/feed/"]


class NewsPage(HeroImageMixin, BasePage):
    """A news item or a statement: dated, about one or more programmes."""

    KIND_CHOICES = [("news", _("News")), ("statement", _("Statement"))]

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default="news")
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists, feeds and at the top of the page.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    # Chosen among the programmes in the page's own language (programmes/forms.py).
    related_programmes = ParentalManyToManyField(
        "programmes.ProgrammePage", verbose_name=_("programmes"), blank=True, related_name="news"
    )
    related_publications = ParentalManyToManyField(
        "resources.ResourcePage", verbose_name=_("related publications"), blank=True, related_name="news"
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("summary"),
        MultiFieldPanel(HeroImageMixin.hero_panels, heading=_("Hero image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("related_programmes"), FieldPanel("related_publications")],
            heading=_("Classification"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("kind"),
        SynchronizedField("related_programmes"),
        SynchronizedField("related_publications"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm

    api_fields = BasePage.api_fields + [
        APIField("date", writable=True),
        APIField("kind", writable=True),
        APIField("summary", writable=True),
        *HeroImageMixin.hero_api_fields,
        APIField("body", writable=True),
        APIField("programme_cards"),
        APIField("related_publication_cards"),
    ]

    class Meta:
        verbose_name = _("news item or statement")
        verbose_name_plural = _("news and statements")

    @cached_property
    def source(self):
        """The source-language item, which holds the programmes and publications of every language."""
        if self.locale_id == Locale.get_default().pk:
            return self
        found = NewsPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        return found or self

    def pages_listing_it(self):
        """The programme pages that list this item (website/frontend_cache.py purges them with it)."""
        return self.source.related_programmes.all()

    def programmes(self):
        """The item's programmes, each in this page's language where translated and public."""
        return localize_live_pages(self.source.related_programmes.all(), self.locale)

    def publications(self):
        return related_publications.describe(self.source.related_publications.all(), self.locale)

    @property
    def programme_cards(self) -> list[ProgrammeCardSchema]:
        return programme_cards(self.programmes())

    @property
    def related_publication_cards(self) -> list[PublicationSchema]:
        return related_publications.cards(self.publications())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.programmes()
        context["publications"] = self.publications()
        return context


def programme_news(programme, limit=PROGRAMME_NEWS_SIZE):
    """The newest news and statements about `programme`, in its page's language (source items
    where not translated). Two queries, whatever the number of items."""
    sources = public_pages(
        NewsPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            related_programmes__translation_key=programme.translation_key,
        ).distinct()
    ).order_by("-date", "-pk")[:limit]
    return localize_live_pages(sources, programme.locale)


def news_index(locale):
    """The news index of `locale` an anonymous visitor may open, or None."""
    return public_pages(NewsIndexPage.objects.filter(locale=locale)).order_by("path").first()


def news_cards(items):
    """News items as a list or another page's API shows them."""
    return [
        {
            "id": item.pk,
            "title": item.title,
            "url": item.url,
            "date": item.date.isoformat(),
            "kind": item.kind,
            "summary": item.summary,
            "locale": item.locale.language_code,
        }
        for item in items
    ]
