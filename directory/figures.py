"""Figures about the organisations of each country that other apps count, and how they add them.

The facilitators' panel and monitoring report (facilitators/) show, next to their own counts,
figures that apps at their layer or above keep (the networks: how many there are, their
memberships, the share of organisations in one). The facilitators may not import those apps,
so each adds a `FigureSource` through the `register_country_figures` hook (in its
`wagtail_hooks.py`); the panel and the report read `registered_figures()`.

A source answers for many countries or many organisations at once, in a fixed number of queries
whatever their number, and only for the countries or organisations it is asked about: who may see
which is decided by the one asking (the facilitators' `followed_country_codes`).
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_country_figures"


@dataclass(frozen=True)
class Figure:
    """One figure: `name` its key in a source's answers, `label` its column's header, and
    `percent` when it is a share (shown with a "%")."""

    name: str
    label: object
    percent: bool = False


class FigureSource:
    """One app's figures. `label` heads its table on the panel and its sheet in the report;
    `order` places it among the others."""

    label = ""
    order = 100
    #: Figures per country, one column each.
    country_figures = ()
    #: Figures per organisation, one column each of the monitoring report.
    organisation_figures = ()

    def by_country(self, codes):
        """{country code: {figure name: value}} for each of `codes` (country codes; "" for the
        organisations whose country is not set), in a fixed number of queries."""
        raise NotImplementedError

    def by_organisation(self, keys):
        """{translation key: {figure name: value}} for the organisations of `keys`, in a fixed
        number of queries; a figure that does not apply to one is None (an empty cell)."""
        return {}


def registered_figures():
    """The sources other apps add through the hook, in their order."""
    return sorted((fn() for fn in hooks.get_hooks(HOOK)), key=lambda source: source.order)
