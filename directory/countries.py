"""The directory's countries, as the portal names them."""

from django.conf import settings
from django.utils.translation import get_language

from core.page_cache import kept_in_memory
from directory.models import CountryPage


def country_names():
    """{code: name} of each country, in the active language where translated, else English.
    Kept in the process's memory per language until something public changes (a country
    published is one); each caller has its own copy."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return dict(kept_in_memory(f"countries:{active}", lambda: read_country_names(active)))


def read_country_names(active):
    preference = {active: 0, settings.LANGUAGE_CODE: 1}
    names, ranks = {}, {}
    rows = CountryPage.objects.values_list("code", "locale__language_code", "title")
    for code, language, title in rows.order_by("pk"):
        rank = preference.get(language, 2)
        if rank < ranks.get(code, 3):
            names[code], ranks[code] = title, rank
    return names
