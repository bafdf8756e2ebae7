import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Locale

from resources.models import (
    Region,
    ResourceCountry,
    ResourceFile,
    ResourceIdentifier,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from website.models import CustomDocument


class TaxonomyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Label {n}")
    slug = factory.Sequence(lambda n: f"label-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class ResourceTypeFactory(TaxonomyFactory):
    class Meta:
        model = ResourceType


class TopicFactory(TaxonomyFactory):
    class Meta:
        model = Topic


class RegionFactory(TaxonomyFactory):
    class Meta:
        model = Region


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small real file, so that format and size are read from it."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4\n" + b"x" * o.size, name=o.filename))
    file_size = factory.LazyAttribute(lambda o: o.size + 9)  # as an upload through the admin records it

    class Meta:
        model = CustomDocument

    class Params:
        size = 1000
        filename = "publication.pdf"


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"
    introduction = "Publications and reference texts."

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publication {n}")
    summary = "What this publication is about."
    publication_date = factory.Sequence(lambda n: datetime.date(2000 + n % 25, 1 + n % 12, 1))
    resource_type = factory.SubFactory(ResourceTypeFactory)

    class Meta:
        model = ResourcePage


class ResourceFileFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ResourcePageFactory)
    document = factory.SubFactory(DocumentFactory)
    language = "en"

    class Meta:
        model = ResourceFile


class ResourceIdentifierFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ResourcePageFactory)
    scheme = "isbn"
    value = factory.Sequence(lambda n: f"978-2-930539-{n:02d}-0")

    class Meta:
        model = ResourceIdentifier


class ResourceCountryFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ResourcePageFactory)
    country = "TH"

    class Meta:
        model = ResourceCountry
