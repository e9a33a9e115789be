from django import forms
from django.utils.translation import gettext_lazy as _

from directory.filters import DirectoryFilterForm

from .engine import SORTS
from .query import MAX_LENGTH


class SearchForm(DirectoryFilterForm):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, data, locales, scope):
        # A query longer than the limit is cut, not refused: the visitor still gets results.
        if data is not None and len(data.get("q", "")) > MAX_LENGTH:
            data = data.copy()
            data["q"] = data["q"][:MAX_LENGTH]
        super().__init__(data, locales, scope)
