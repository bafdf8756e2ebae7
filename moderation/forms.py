from django import forms
from django.utils.translation import gettext_lazy as _


class UnpublishRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should it come off the site?"),
        help_text=_("The moderators read this before they unpublish the page in every language."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=_("Why must it come off at once?"),
        help_text=_("Kept in the history with your name. Say what the risk is, not who is at risk."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
