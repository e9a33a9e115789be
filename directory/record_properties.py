"""What other apps add to the directory's organisations as open data, and how they add it.

The open data (opendata/: the HSDS API and its data packages) publishes each organisation as an
HSDS 3.0 `organization` record. HSDS allows properties of one's own beside its fields, and apps
that may not be imported by the open data (it is at their layer: the networks) add theirs
through the `register_organisation_record_properties` hook (in their `wagtail_hooks.py`): a
function returning a `RecordProperties`. The open data asks each one once per answer, for every
organisation the answer holds, and documents them on the open data page.
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_organisation_record_properties"

#: What every property of the portal's own starts with, so no HSDS field of a later version
#: can be mistaken for it.
PREFIX = "x_"


@dataclass(frozen=True)
class PropertyDescription:
    """A property as the open data page describes it: its name and what it holds."""

    name: str
    description: object


class RecordProperties:
    """One app's properties of organisation records."""

    #: PropertyDescription of each property it may add (each name starts with PREFIX).
    described = ()

    def for_organisations(self, keys, language):
        """{translation key: {property name: JSON value}} for the organisations of `keys`
        (translation keys of live organisations), read in a fixed number of queries whatever
        their number; names and texts in `language` where translated. Only what the public
        pages show: nothing of a page that is not live. An organisation it has nothing to say
        about is left out (its record then has no such property)."""
        raise NotImplementedError


def registered_properties():
    """The providers other apps add through the hook."""
    return [fn() for fn in hooks.get_hooks(HOOK)]


def properties_of(keys, language):
    """{translation key: {property name: value}} from every provider, for `keys`."""
    merged = {}
    keys = list(keys)
    if not keys:
        return merged
    for provider in registered_properties():
        for key, values in provider.for_organisations(keys, language).items():
            merged.setdefault(str(key), {}).update(values)
    return merged
