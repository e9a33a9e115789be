from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import MAX_LENGTH, cut_to_length
from directory.filters import DirectoryFilterForm
from directory.search import SORTS


class SearchForm(DirectoryFilterForm):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, data, locales, scope):
        super().__init__(cut_to_length(data), locales, scope)
