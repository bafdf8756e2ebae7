from django.contrib.contenttypes.models import ContentType
from django.db import models


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
