"""The form data of an organisation's page as its editor posts it, for the networks' tests."""

from wagtail.test.utils.form_data import nested_form_data, rich_text


def edit_data(page, **extra):
    """The page's form data with `extra` fields; `network_activities`: a list of activities'
    fields, as the editor adds them."""
    terms = {name: extra.pop(name) for name in ("network_purposes",) if name in extra}
    activities = extra.pop("network_activities", None)
    if activities is not None:
        extra["network_activities"] = {
            "TOTAL_FORMS": len(activities),
            "INITIAL_FORMS": 0,
            **{str(i): {"ORDER": str(i + 1), "DELETE": "", **fields}
               for i, fields in enumerate(activities)},
        }  # fmt: skip
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "kind": page.kind,
            "short_description": page.short_description,
            "mission": rich_text(""),
            "main_activities": rich_text(""),
            "place": page.place_id or "",
            "email": page.email,
            "social_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            **extra,
        }
    )
    data.update(terms)  # many-to-many choices: a list, which nested_form_data would flatten
    return data
