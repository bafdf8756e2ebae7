import factory
import wagtail_factories

from website.models import CustomDocument, CustomImage


class CustomImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = "Defenders meeting members of parliament"
    file = factory.django.ImageField(width=1600, height=900, color="teal")

    class Meta:
        model = CustomImage


class CustomDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="protection-manual.pdf", data=b"%PDF-1.4\n" + b"x" * 2048)

    class Meta:
        model = CustomDocument
