"""The editor's form of a call for collaboration."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.forms import LocalisedTermsPageForm


class CallPageForm(LocalisedTermsPageForm):
    def clean_deadline(self):
        """A deadline already past is refused when it is set, not published without a word; a
        call that closed keeps its deadline when it is edited later."""
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate() and deadline != self.instance.deadline:
            raise forms.ValidationError(
                _("This deadline has passed: give a later one, or leave it empty."),
                code="past",
            )
        return deadline
