"""Other apps' figures per country (`directory.figures`: the networks'), in the user's scope.

The panel shows each source's table, a row per country the user follows (central staff: every
country; a facilitator: theirs); the monitoring report adds each source's figures per
organisation as columns and, in the Excel file, a sheet per source with its figures per
country. Nobody is given a country they do not follow: the countries asked for are always
within `followed_country_codes`.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from directory.countries import country_names
from directory.figures import registered_figures

from .followup import followed_country_codes
from .statistics import NO_COUNTRY


@dataclass
class FigureTable:
    label: str
    columns: list  # directory.figures.Figure
    rows: list = field(default_factory=list)  # (country name, [values]) pairs

    def cells(self):
        """(country name, [(figure, value)]) pairs, for the panel."""
        return [(name, list(zip(self.columns, values, strict=True))) for name, values in self.rows]


def scoped_codes(user, country=""):
    """The country codes `user` follows, or only `country` (a code, or "-" for the organisations
    of no country) when it is one of them; sorted."""
    followed = followed_country_codes(user)
    if country:
        code = "" if country == NO_COUNTRY else country
        return [code] if code in followed else []
    return sorted(followed)


def country_tables(user, country=""):
    """A `FigureTable` per registered source over the countries in the user's scope, countries
    by name, the organisations of no country last."""
    codes = scoped_codes(user, country)
    names = country_names()
    ordered = sorted(codes, key=lambda code: (not code, names.get(code, code)))
    tables = []
    for source in registered_figures():
        figures = source.by_country(ordered) if ordered else {}
        table = FigureTable(str(source.label), list(source.country_figures))
        for code in ordered:
            values = figures.get(code, {})
            name = names.get(code, code) if code else gettext("Country not set")
            table.rows.append((name, [values.get(figure.name) for figure in table.columns]))
        tables.append(table)
    return tables


def organisation_columns():
    """[(source, figure)] of every source's figures per organisation, in order."""
    return [
        (source, figure)
        for source in registered_figures()
        for figure in source.organisation_figures
    ]


def organisation_values(columns, keys):
    """{translation key: [value per column]} for the organisations of `keys`."""
    by_source = {}
    for source, _figure in columns:
        if id(source) not in by_source:
            by_source[id(source)] = source.by_organisation(keys) if keys else {}
    return {
        key: [by_source[id(source)].get(key, {}).get(figure.name) for source, figure in columns]
        for key in keys
    }
