"""Requests that moderators take a page off the site.

Wagtail's workflows lead a revision towards publication and end by publishing it;
they have no task that ends by unpublishing, so a request to unpublish is a record
of its own. It names the page it was made from and covers every translation of
it: a page withdrawn in one language is withdrawn in all of them, and the
moderator unpublishes them together (`live_translations`).
"""

from collections import defaultdict

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def live_translations_by_key(translation_keys):
    """{translation key: its live pages, in the site's language order}, in one query."""
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    pages = defaultdict(list)
    for page in Page.objects.filter(
        translation_key__in=set(translation_keys), live=True, alias_of__isnull=True
    ).select_related("locale"):
        pages[page.translation_key].append(page)
    for translations in pages.values():
        translations.sort(key=lambda page: (order.get(page.locale.language_code, len(order)), page.pk))
    return pages


def live_translations(page):
    """The page and its translations that visitors can open, in every language."""
    return live_translations_by_key([page.translation_key]).get(page.translation_key, [])


class UnpublishRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def for_page(self, page):
        """Open or not, the requests made from `page` or any of its translations."""
        return self.filter(page__translation_key=page.translation_key)


class UnpublishRequest(models.Model):
    UNPUBLISHED = "unpublished"
    DISMISSED = "dismissed"
    RESOLUTION_CHOICES = [(UNPUBLISHED, _("Unpublished")), (DISMISSED, _("Dismissed"))]

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="unpublish_requests"
    )
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.CharField(_("resolution"), max_length=20, choices=RESOLUTION_CHOICES, blank=True)

    objects = UnpublishRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("unpublish request")
        verbose_name_plural = _("unpublish requests")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.page} ({self.requested_at:%Y-%m-%d})"

    def resolve(self, resolution, user=None):
        self.resolution = resolution
        self.resolved_by = user
        self.resolved_at = timezone.now()
        self.save(update_fields=["resolution", "resolved_by", "resolved_at"])


class Takedown(models.Model):
    """An emergency takedown of a page (every translation) or of a person, and what it changed.

    What it changed is kept so that restoring puts back exactly that: the revisions that
    were live, and the collections the documents and images came from.
    """

    page = models.ForeignKey(
        Page, verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken down by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("taken down at"), auto_now_add=True)
    # [{"page": id, "revision": the live revision's id}]
    pages = models.JSONField(default=list)
    # {"document id": its collection id before}, {"image id": …}
    documents = models.JSONField(default=dict)
    images = models.JSONField(default=dict)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("restored by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    restored_at = models.DateTimeField(_("restored at"), null=True, blank=True)

    class Meta:
        verbose_name = _("takedown")
        verbose_name_plural = _("takedowns")
        ordering = ["-taken_at", "-pk"]
        permissions = [("take_down", _("Can take pages and people off the site at once"))]

    def __str__(self):
        return str(self.page or self.person or self.pk)

    @property
    def subject(self):
        return self.page or self.person
