from django.core.management.base import BaseCommand
from wagtail.images import get_image_model


class Command(BaseCommand):
    help = (
        "Remove EXIF, XMP, IPTC and comments from images stored before every format was cleaned "
        "on upload, and drop their renditions (made again, clean, when next asked for)."
    )

    def handle(self, *args, **options):
        cleaned = 0
        images = get_image_model().objects.all()
        for image in images.iterator():
            if not image.file or not image.file.storage.exists(image.file.name):
                continue
            if image.strip_identifying_metadata():
                with image.file.open() as file:
                    image.file_size = len(file.read())
                image.file_hash = ""
                image.save(update_fields=["file", "width", "height", "file_size", "file_hash"])
                image.renditions.all().delete()
                cleaned += 1
        self.stdout.write(f"{cleaned} of {images.count()} images had metadata; it is gone.")
