"""Who might answer which call: calls seeking an organisation's expertise, and the reverse.

A call and an organisation match when the organisation has at least one of the kinds of
expertise the call seeks and works in one of the countries the call concerns (a call that names
no country is open to every country). Vocabulary terms are compared by translation key, so an
Italian call seeking "Formazione" matches a Greek organisation offering "Κατάρτιση" when both are
translations of "Training"; organisations and calls are compared as translation sets, so an
organisation never matches its own calls, in any language.

Both directions work on whole lists at once, in a fixed number of queries.
"""

from collections import defaultdict

from django.db.models import F

from directory.listing import attach_parents, one_per_translation
from directory.models import CountryPage, OrganisationPage

from .models import CollaborationCallPage


def _expertise_keys(model, pages, field):
    """{page pk: {translation keys of the terms in `model.field` of `pages`}} in one query."""
    through = getattr(model, field).through
    column = f"{model._meta.model_name}_id"
    keys = defaultdict(set)
    rows = through.objects.filter(**{f"{column}__in": [page.pk for page in pages]}).values_list(
        column, "expertisecategory__translation_key"
    )
    for pk, key in rows:
        keys[pk].add(key)
    return keys


def _country_codes(calls):
    """{call pk: {country codes}} in one query; an empty set means every country."""
    through = CollaborationCallPage.countries.through
    codes = defaultdict(set)
    rows = through.objects.filter(collaborationcallpage_id__in=[call.pk for call in calls])
    for pk, code in rows.values_list("collaborationcallpage_id", "countrypage__code"):
        codes[pk].add(code)
    return codes


def organisation_country_code(organisations):
    """Set `country_code` on each organisation from its country page, in one query."""
    attach_parents(organisations, CountryPage, "country_page")
    for organisation in organisations:
        organisation.country_code = getattr(organisation.country_page, "code", "")
    return organisations


def calls_for(organisations, locales):
    """{organisation translation key: [open calls that seek its expertise in its country]}.

    Each call is listed once, in the visitor's language where translated, soonest deadline first.
    """
    organisations = organisation_country_code(list(organisations))
    if not organisations:
        return {}
    wanted = _expertise_keys(OrganisationPage, organisations, "expertise_categories")
    every_key = set().union(*wanted.values()) if wanted else set()
    if not every_key:
        return {organisation.translation_key: [] for organisation in organisations}
    seeking = CollaborationCallPage.objects.filter(
        expertise_sought__translation_key__in=every_key
    ).values("translation_key")
    calls = list(
        one_per_translation(CollaborationCallPage.open_calls(), locales.active, locales.default)
        .filter(translation_key__in=seeking)
        .select_related("locale")
        .order_by(F("deadline").asc(nulls_last=True), "-first_published_at", "-pk")
    )
    # The terms and countries of every language version of each call (they are synchronised,
    # but a translation may be linked to its own language's terms).
    versions = list(
        CollaborationCallPage.objects.filter(
            translation_key__in=[call.translation_key for call in calls]
        ).only("pk", "translation_key")
    )
    sought, countries = defaultdict(set), defaultdict(set)
    by_pk = {version.pk: version.translation_key for version in versions}
    for pk, keys in _expertise_keys(CollaborationCallPage, versions, "expertise_sought").items():
        sought[by_pk[pk]] |= keys
    for pk, codes in _country_codes(versions).items():
        countries[by_pk[pk]] |= codes
    attach_parents(calls, OrganisationPage, "organisation")
    result = {}
    for organisation in organisations:
        mine = wanted.get(organisation.pk, set())
        result[organisation.translation_key] = [
            call
            for call in calls
            if call.organisation is not None
            and call.organisation.translation_key != organisation.translation_key
            and sought[call.translation_key] & mine
            and (
                not countries[call.translation_key]
                or organisation.country_code in countries[call.translation_key]
            )
        ]
    return result


def organisations_for(calls, locales, limit=None):
    """{call pk: [live organisations with the sought expertise in the call's countries]}.

    Each organisation once, in the visitor's language where translated; those with more of the
    sought expertise first, then by name. The call's own organisation is never suggested.
    """
    calls = list(calls)
    if not calls:
        return {}
    attach_parents(calls, OrganisationPage, "organisation")
    sought = _expertise_keys(CollaborationCallPage, calls, "expertise_sought")
    countries = _country_codes(calls)
    every_key = set().union(*sought.values()) if sought else set()
    if not every_key:
        return {call.pk: [] for call in calls}
    with_expertise = OrganisationPage.objects.filter(
        expertise_categories__translation_key__in=every_key
    ).values("translation_key")
    organisations = list(
        one_per_translation(OrganisationPage.objects.live(), locales.active, locales.default)
        .filter(translation_key__in=with_expertise)
        .select_related("locale")
        .order_by("title", "pk")
    )
    organisation_country_code(organisations)
    # Terms by translation set: a translation may link its own language's terms.
    versions = list(
        OrganisationPage.objects.filter(
            translation_key__in=[organisation.translation_key for organisation in organisations]
        ).only("pk", "translation_key")
    )
    offered = defaultdict(set)
    by_pk = {version.pk: version.translation_key for version in versions}
    for pk, keys in _expertise_keys(OrganisationPage, versions, "expertise_categories").items():
        offered[by_pk[pk]] |= keys
    result = {}
    for call in calls:
        owner = getattr(call.organisation, "translation_key", None)
        wanted, where = sought.get(call.pk, set()), countries.get(call.pk, set())
        found = [
            organisation
            for organisation in organisations
            if organisation.translation_key != owner
            and offered[organisation.translation_key] & wanted
            and (not where or organisation.country_code in where)
        ]
        found.sort(key=lambda o: -len(offered[o.translation_key] & wanted))  # stable: by name
        result[call.pk] = found[:limit] if limit else found
    return result
