from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def test_publish_scheduled_publishes_a_page_whose_time_has_come(client, site_tree):
    page = ProgrammePageFactory(
        parent=site_tree["en"]["index"], title="Scheduled", slug="scheduled", live=False
    )
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()  # scheduled: stays a draft
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/en/international-advocacy/scheduled/").status_code == 404

    # Let the hour pass: move the schedule into the past, in the revision too.
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.objects.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    ProgrammePage.objects.filter(pk=page.pk).update(go_live_at=past)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
