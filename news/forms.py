from django.db.models import Q

from programmes.forms import RelatedProgrammesForm


class NewsPageForm(RelatedProgrammesForm):
    """Offers the publications in the news item's own language, as the programmes are.

    Publications stored earlier in another language (wagtail-localize copies them as they
    are) stay offered and ticked: saving never drops a relation unasked. Readers follow
    them by translation key (resources/related_publications.py).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("related_publications")
        if field is not None:
            stored = [publication.pk for publication in self.instance.related_publications.all()]
            field.queryset = field.queryset.filter(
                Q(locale_id=self.instance.locale_id) | Q(pk__in=stored)
            ).select_related("locale")
