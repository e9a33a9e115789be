"""The facilitators' part of other apps' screens: an organisation's dashboard shows who its
country's facilitators are and how to reach them (directory/admin/profile_checklist.html).

The directory does not know facilitators; its templates load this library instead."""

from django import template

from facilitators.models import Facilitator

register = template.Library()


@register.simple_tag
def facilitators_by_country(organisations):
    """{country translation key: [Facilitator]} for the countries of these organisations (each
    with its `country_page`), in one query.

    Facilitators are attached to each country's default-language page; an organisation's country
    page may be any language version of it.
    """
    countries = (getattr(page, "country_page", None) for page in organisations)
    keys = {country.translation_key for country in countries if country is not None}
    links = (
        Facilitator.countries.through.objects.filter(
            countrypage__translation_key__in=keys, facilitator__user__is_active=True
        )
        .select_related("facilitator__user", "countrypage")
        .order_by(
            "facilitator__user__first_name",
            "facilitator__user__last_name",
            "facilitator__user__username",
        )
    )
    result = {}
    for link in links:
        result.setdefault(link.countrypage.translation_key, []).append(link.facilitator)
    return result


@register.filter
def of_country_of(facilitators, organisation):
    """The facilitators, from `facilitators_by_country`, of `organisation`'s country."""
    country = getattr(organisation, "country_page", None)
    return facilitators.get(getattr(country, "translation_key", None), [])
