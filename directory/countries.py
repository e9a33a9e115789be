"""The directory's countries, as the portal names them."""

from django.conf import settings
from django.utils.translation import get_language

from directory.models import CountryPage


def country_names():
    """{code: name} of each country, in the active language where translated, else English."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    preference = {active: 0, settings.LANGUAGE_CODE: 1}
    names, ranks = {}, {}
    rows = CountryPage.objects.values_list("code", "locale__language_code", "title")
    for code, language, title in rows.order_by("pk"):
        rank = preference.get(language, 2)
        if rank < ranks.get(code, 3):
            names[code], ranks[code] = title, rank
    return names
