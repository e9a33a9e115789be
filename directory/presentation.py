"""The filters as a visitor sees them: each value with its count, and the filters in force."""

from core.listing import result_page


def listing(request, form, engine):
    """The requested page of `engine`'s results with their cards, its filters and its query.

    The query is the request's, without the page number, for the pagination's links.
    """
    page, query = result_page(request, engine.results(), engine.cards)
    return page, filter_widgets(form, engine.facets()), query


def listing_context(request, form, engine, name):
    """What a listing page's template reads: the page of results (as `name`), the filters with
    their counts, those in force, the query for the pagination's links, and whether anything
    narrows the list."""
    results, filters, query = listing(request, form, engine)
    return {
        "form": form,
        "engine": engine,
        name: results,
        "filters": filters,
        "filter_query": query.urlencode(),
        "active_filters": active_filters(form, query),
        "filtering": bool(form.values or engine.words),
    }


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
            # The places with results (the most common first), and the one chosen.
            current = values.get("place", "")
            names = dict(field.choices)
            shown = [slug for slug in facet if slug in names]
            if current and current not in facet:
                shown.append(current)
            choices = [("", names[""])] + [(slug, names[slug]) for slug in shown]
        else:
            choices = list(field.choices)
            current = values.get(name, "")
        options = []
        for value, label in choices:
            options.append(
                {
                    "value": value,
                    "label": label,
                    # No count for "everywhere"; a place chosen without results counts 0.
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


def filter_label(form, name, value):
    """The name `form` gives filter `name`'s `value` (a yes-or-no filter: its own label), or
    None when it does not offer that value."""
    field = form.fields[name]
    if name in ("free", "open"):
        return field.label
    return dict(field.choices).get(value) if value != "" else None


def active_filters(form, query):
    """The filters in force, each with the address of the same search without it."""
    chips = []
    values = form.values
    for name, value in values.items():
        label = filter_label(form, name, value)
        label = value if label is None else label
        without = query.copy()
        without.pop(name, None)
        without.pop("page", None)
        chips.append({"name": name, "label": label, "query": without.urlencode()})
    return chips
