from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import UploadedFile

PUBLIC_UPLOADS = "wagtail_uploads"


class Command(BaseCommand):
    help = (
        "Delete uploads whose second step (title, alt text) was never completed in the admin's "
        "multiple upload, once older than ABANDONED_UPLOAD_HOURS; and any file that an older "
        "release left in the public media folder wagtail_uploads/. Run it daily (cron, systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=None, help="Age after which an upload counts as abandoned."
        )

    def handle(self, *args, hours=None, **options):
        hours = settings.ABANDONED_UPLOAD_HOURS if hours is None else hours
        cutoff = timezone.now() - timedelta(hours=hours)
        deleted = 0
        for upload in UploadedFile.objects.all():
            storage, name = upload.file.storage, upload.file.name
            if storage.exists(name) and storage.get_modified_time(name) >= cutoff:
                continue  # an editor may still be filling in its form
            if storage.exists(name):
                storage.delete(name)
            upload.delete()
            deleted += 1
        public = 0
        if default_storage.exists(PUBLIC_UPLOADS):
            # Nothing writes there any more (upstream/wagtail_uploaded_file_storage.py).
            for filename in default_storage.listdir(PUBLIC_UPLOADS)[1]:
                default_storage.delete(f"{PUBLIC_UPLOADS}/{filename}")
                public += 1
        self.stdout.write(
            f"{deleted} abandoned uploads deleted; {public} files removed from the public {PUBLIC_UPLOADS}/."
        )
