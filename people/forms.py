from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from people.vocabulary import ConsentUse


class PersonForm(WagtailAdminModelForm):
    # Stored as a JSON list: one box per use the person agreed to.
    consent_uses = forms.MultipleChoiceField(
        label=_("consent covers"),
        choices=ConsentUse.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
