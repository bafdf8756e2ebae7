import re

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

# Terms of a synonym group are separated by commas, semicolons or new lines.
SEPARATOR = re.compile(r"[,;\n]")


class PendingIndexUpdate(models.Model):
    """An object whose search index entries wait for the search server (search/pending.py).

    A row is written when Elasticsearch/OpenSearch did not answer while the object
    was being indexed or removed. It names the object, not the operation: when the
    server answers again the object is sent as the database has it then (indexed if
    it is public, removed if it is not or no longer exists), so one row stands for
    any number of failed updates and nothing stale is ever written.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    attempts = models.PositiveIntegerField(default=1, help_text="Failed attempts so far.")
    next_attempt_at = models.DateTimeField(db_index=True)
    # The last time an update of this object failed: a row asked for again while it
    # was being retried is kept for the next retry.
    requested_at = models.DateTimeField()
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_pending_update_object")
        ]

    def __str__(self):
        return f"{self.content_type.app_label}.{self.content_type.model} {self.object_id}"


class SynonymGroup(TranslatableMixin, models.Model):
    """Words and phrases a search treats as one, in one language ("HRD", "human rights defender").

    Comms staff edit them in the admin (Snippets > Search synonyms); each language has
    its own groups (an entry's locale), and a group's translation is the same idea in
    another language, which may hold other acronyms ("DDH" in French). A query word or
    phrase found in a group is searched as any of the group's terms, in every backend
    (search/synonyms.py).
    """

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words, acronyms or phrases that mean the same, separated by commas or one per line, "
            "e.g. HRD, human rights defender, human rights defenders."
        ),
    )

    translatable_fields = [TranslatableField("terms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return ", ".join(self.term_list()[:4])

    def term_list(self):
        return [term for term in (" ".join(part.split()) for part in SEPARATOR.split(self.terms)) if term]
