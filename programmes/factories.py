import factory
import wagtail_factories
from wagtail.models import Locale

from programmes.models import Institution, ProgrammeIndexPage, ProgrammePage


class InstitutionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Institution {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Institution


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "International advocacy"
    slug = "international-advocacy"
    introduction = "<p>Five programmes.</p>"

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "What this programme does."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
            {"type": "paragraph", "value": "<p>States must protect defenders.</p>"},
        ]
    )

    class Meta:
        model = ProgrammePage
