import datetime

import factory

from people.models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ana María Quispe {n}")
    kind = "defender"
    visibility = "named"
    consent_given_by = "The person herself"
    consent_date = datetime.date(2026, 1, 15)
    consent_uses = factory.LazyFunction(lambda: ["website", "photos"])

    class Meta:
        model = Person
