"""The "Related programmes" choice of publications and programme pages."""

from django import forms
from django.db.models import IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from website.publishing import PublishingPageForm


def _parent_title():
    # A page's parent is the page whose path is its own less one step (treebeard's
    # materialised path): the section, read in the same query as the programmes.
    parent_path = Substr(OuterRef("path"), 1, Cast(Length(OuterRef("path")) - Page.steplen, IntegerField()))
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


class ProgrammeChoiceField(forms.ModelMultipleChoiceField):
    """A checkbox per programme, named with its section: "Legal advocacy (International advocacy)"."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, programme):
        label = f"{programme.title} ({programme.section_title})"
        if programme.locale_id != self.locale_id:
            # Chosen earlier in another language and not translated into this one.
            language = programme.locale.get_display_name()
            return _("%(programme)s, in %(language)s") % {"programme": label, "language": language}
        return label


class RelatedProgrammesForm(PublishingPageForm):
    """Offers the programmes in the edited page's own language only.

    A French publication chooses among French programmes. Relations stored
    earlier against another language's programme (wagtail-localize copies them
    from the source page as they are) show as that programme's translation here,
    or, where it has none, as the programme itself with its language, still
    ticked: saving the form never drops a relation unasked. Every reader
    (library, API, programme pages) follows relations by translation key, so
    either language's programme leads to the same place.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "related_programmes" in self.fields:
            self._offer_programmes_in_page_language()

    def _offer_programmes_in_page_language(self):
        field = self.fields["related_programmes"]
        # The field's own model (ProgrammePage): programmes.models imports this module.
        programmes = field.queryset.model
        locale_id = self.instance.locale_id
        stored = list(self.instance.related_programmes.all()) if self.instance.pk else []
        same_language = programmes.objects.filter(locale_id=locale_id)
        translated_keys = set(
            same_language.filter(translation_key__in=[p.translation_key for p in stored]).values_list(
                "translation_key", flat=True
            )
        )
        untranslated = [
            p.pk for p in stored if p.locale_id != locale_id and p.translation_key not in translated_keys
        ]
        choices = programmes.objects.filter(Q(locale_id=locale_id) | Q(pk__in=untranslated))
        if self.instance.pk:
            choices = choices.exclude(pk=self.instance.pk)  # a programme is not related to itself
        self.fields["related_programmes"] = replacement = ProgrammeChoiceField(
            queryset=choices.annotate(section_title=_parent_title())
            .select_related("locale")
            .order_by("section_title", "title"),
            required=False,
            label=field.label,
            help_text=field.help_text,
        )
        replacement.locale_id = locale_id
        if stored and not self.is_bound:
            by_key = dict(
                same_language.filter(translation_key__in=translated_keys).values_list("translation_key", "pk")
            )
            self.initial["related_programmes"] = [
                programme.pk
                if programme.locale_id == locale_id or programme.translation_key not in by_key
                else by_key[programme.translation_key]
                for programme in stored
            ]
