"""The filters as a visitor sees them: each value with its count, and the filters in force."""

from django.utils.translation import gettext as _

from core.listing import result_page


def listing(request, form, engine):
    """The requested page of `engine`'s results with their cards, its filters and its query.

    The query is the request's, without the page number, for the pagination's links.
    """
    page, query = result_page(request, engine.results(), engine.cards)
    return page, filter_widgets(form, engine.facets()), query


def filter_widgets(form, counts):
    """Each filter as a list of options with their counts, for the template."""
    values = form.values
    widgets = []
    for name in form.filter_names:
        if name not in form.fields:
            continue
        field = form.fields[name]
        bound = form[name]
        facet = counts.get(name, {})
        if name in ("free", "open"):
            widgets.append(
                {
                    "name": name,
                    "type": "checkbox",
                    "field": bound,
                    "label": field.label,
                    "count": facet.get(True, 0),
                    "checked": bool(values.get(name)),
                }
            )
            continue
        if name == "place":
            current = values.get("place", "")
            choices = [("", _("Everywhere"))] + [(place, place) for place in facet]
            if current and current not in facet:
                choices.append((current, current))
        else:
            choices = list(field.choices)
            current = values.get(name, "")
        options = []
        for value, label in choices:
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": None if value == "" else facet.get(value, 0),
                    "selected": str(value) == str(current),
                }
            )
        widgets.append(
            {
                "name": name,
                "type": "select",
                "field": bound,
                "label": field.label,
                "options": options,
            }
        )
    return widgets


def active_filters(form, query):
    """The filters in force, each with the address of the same search without it."""
    chips = []
    values = form.values
    for name, value in values.items():
        field = form.fields[name]
        if name in ("free", "open"):
            label = field.label
        elif name == "place":
            label = value
        else:
            label = dict(field.choices).get(value, value)
        without = query.copy()
        without.pop(name, None)
        without.pop("page", None)
        chips.append({"name": name, "label": label, "query": without.urlencode()})
    return chips
