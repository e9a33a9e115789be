"""The demo content of the portal, as data: every text in English, Italian, Greek and Arabic.

The texts are in one file per language (`en.json`, `it.json`, `el.json`, `ar.json`); what does
not depend on the language (slugs, countries, which expertise an organisation has, dates, the
messages people sent, which are each in one language) is in `structure.json`. They are read once,
the first time the builder asks for them, and handed out in the shapes the builder works with
(`content.ORGANISATIONS`, `content.SERVICE_FAMILIES`...), where texts are keyed by language.

Rich text is written as lists of paragraphs (or list items); the builder turns them into HTML.
Texts that are translations of each other always have the same number of paragraphs and items,
so that wagtail-localize can pair their segments one by one. Body blocks of the standard pages are
["heading", text], ["paragraph", [paragraphs]] or ["list", [items]].

Services and portfolio projects are built from "families": a family is one kind of service (a
legal advice desk, a vocational course...) written once in every language; some families have
variants (the trade taught, the language taught) that fill a gap in the text. Organisations pick
families from their own expertise categories, so each directory entry reads as a whole.

Places (a country's towns) are named in every language; each organisation (but those whose country
is not set) names its `place`, and a service held at another venue than the organisation's own door
has the organisation's `venue_address` (the venue's name first).

Each organisation is written in its `language` and sits under its `country`; its texts are under
"organisations" in the file of that language, and in the other languages' files when it is
translated into them (into English by the directory demo, into the others by the collaboration
demo, for the organisations that post calls for collaboration).
"""

import functools
import json
from pathlib import Path

DIRECTORY = Path(__file__).parent


def _read(name):
    with open(DIRECTORY / f"{name}.json", encoding="utf-8") as file:
        return json.load(file)


def _by_language(texts, *path):
    """{language: the text at `path` in that language's file}, for the languages that have it."""
    found = {}
    for language, tree in texts.items():
        for key in path:
            tree = tree.get(key) if isinstance(tree, dict) else None
            if tree is None:
                break
        else:
            found[language] = tree
    return found


@functools.cache
def load():
    """Every piece of demo content by the name the builder uses, read from the files once."""
    structure = _read("structure")
    languages = structure["languages"]
    texts = {language: _read(language) for language in languages}
    english = texts["en"]

    def organisation(entry):
        slug, language = entry["slug"], entry["language"]
        organisation = {**entry, "text": texts[language]["organisations"][slug]}
        if language != "en" and slug in english["organisations"]:
            organisation["en"] = english["organisations"][slug]
        return organisation

    def service_family(key, entry):
        family = {name: value for name, value in entry.items() if name != "variants"}
        if "variants" in entry:
            family["variants"] = {
                variant: {
                    **_by_language(texts, "service_families", key, "variants", variant),
                    **neutral,
                }
                for variant, neutral in entry["variants"].items()
            }
        family["text"] = _by_language(texts, "service_families", key, "text")
        return family

    organisations = [organisation(entry) for entry in structure["organisations"]]
    return {
        "LANGUAGES": languages,
        "TRANSLATIONS": structure["translations"],
        "HOME": _by_language(texts, "home"),
        "DIRECTORY_INDEX": _by_language(texts, "directory_index"),
        "SERVICES_INDEX": _by_language(texts, "services_index"),
        "GOOD_PRACTICES_INDEX": _by_language(texts, "good_practices_index"),
        "COLLABORATION_INDEX": _by_language(texts, "collaboration_index"),
        "NETWORKS_INDEX": _by_language(texts, "networks_index"),
        "OPEN_DATA": _by_language(texts, "open_data"),
        "GOOD_PRACTICES": structure["good_practices"],
        "STANDARD_PAGES": [
            {**entry, "text": _by_language(texts, "standard_pages", entry["slug"])}
            for entry in structure["standard_pages"]
        ],
        "COUNTRY_INTRO": _by_language(texts, "country_intro"),
        "COUNTRIES": [
            {
                **entry,
                **{
                    field: _by_language(texts, "countries", entry["slug"], field)
                    for field in english["countries"][entry["slug"]]
                },
            }
            for entry in structure["countries"]
        ],
        "CATEGORIES": [
            {
                "slug": slug,
                "icon": structure["category_icons"][slug],
                **_terms(texts, "categories", slug),
            }
            for slug in structure["categories"]
        ],
        "TARGET_GROUPS": [
            {"slug": slug, **_terms(texts, "target_groups", slug)}
            for slug in structure["target_groups"]
        ],
        "PLACES": [
            {**entry, "name": _by_language(texts, "places", entry["slug"])}
            for entry in structure["places"]
        ],
        "ACTIVITIES": {
            slug: _by_language(texts, "activities", slug) for slug in english["activities"]
        },
        "COSTS": {
            country: {cost: _by_language(texts, "costs", country, cost) for cost in costs}
            for country, costs in english["costs"].items()
        },
        "PROJECT_NAMES": {
            language: [tuple(names) for names in tree["project_names"]]
            for language, tree in texts.items()
        },
        "ORGANISATIONS": organisations,
        "ORGANISATION_TRANSLATIONS": {
            entry["slug"]: translations
            for entry in organisations
            if (
                translations := {
                    language: tree["organisations"][entry["slug"]]
                    for language, tree in texts.items()
                    if language not in (entry["language"], "en")
                    and entry["slug"] in tree["organisations"]
                }
            )
        },
        "SERVICE_FAMILIES": {
            key: service_family(key, entry) for key, entry in structure["service_families"].items()
        },
        "OPENING_HOURS": {
            hours: _by_language(texts, "opening_hours", hours) for hours in english["opening_hours"]
        },
        "LANGUAGE_COURSES_BY_COUNTRY": structure["language_courses_by_country"],
        "PROJECT_FAMILIES": {
            category: _by_language(texts, "project_families", category)
            for category in english["project_families"]
        },
        "PREFERRED_VARIANTS": structure["preferred_variants"],
        "ENQUIRIES": structure["enquiries"],
        "CALLS": [
            {**entry, "text": _by_language(texts, "calls", entry["key"])}
            for entry in structure["calls"]
        ],
        "INTERESTS": structure["interests"],
        "FEATURES": structure["features"],
        "CONTACT_NOTES": _by_language(texts, "contact_notes"),
    }


def _terms(texts, vocabulary, slug):
    return {
        field: _by_language(texts, vocabulary, slug, field) for field in ("name", "description")
    }


def __getattr__(name):
    try:
        return load()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
