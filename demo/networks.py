"""Demo content of networks, built by demo.builder.DemoBuilder.

- The purposes networks choose from (a vocabulary), in every language.
- The profile and the members of the demo's networks and umbrella organisations (organisations of the directory
  whose kind is "network"): a local consortium in Bologna, a formal association around Piraeus,
  an informal international network of mentors, a national federation in Lebanon, a regional
  project partnership in northern Jordan and an informal local network in Nablus; each written
  in its own language and translated into the portal's other languages. Their members are demo
  organisations (in several countries for the international network), the memberships accepted
  by both sides, some invitations and requests still waiting for the other side, and members
  that are not on the portal (a name, a country, a website).
- Their knowledge-exchange activities (study visits, peer reviews, trainings...), dated some days
  before the day of the build, written with the network's page and translated with it.

The content is demo/content/networks.json: "purposes" (slug, name and description per language)
and "networks", each with its organisation's slug, the profile's codes (form, level, orientation,
places, themes, purposes, decision making, year founded, legal entity, coordinator), its
"members" (demo organisations' slugs, role, for how many years), "pending_members" (slug, role and
whether the network invited it or it asked to join) and "outside_members", its "activities" (kind,
how many days ago, and title, summary and outcome by language), and its texts by language: the
territory and how it decides in its own language, and in the others also the organisation's title,
short description and mission. The networks' own organisations are demo organisations like any
other (structure.json), of the kind "network".

Everything is looked up before it is made, so building again adds nothing.
"""

import datetime
import json
from pathlib import Path

from directory.models import ExpertiseCategory, NetworkActivity, NetworkPurpose
from networks.models import Membership, MembershipState

from . import content
from .collaboration import _organisation_page

NETWORKS_FILE = Path(__file__).parent / "content" / "networks.json"
PROFILE_TEXTS = ("territory", "decision_making_details")


def _read():
    with open(NETWORKS_FILE, encoding="utf-8") as file:
        return json.load(file)


def network_purposes():
    """The purposes networks choose from, as the builder makes vocabularies (its `_build_terms`
    makes them with the expertise categories and target groups)."""
    return _read()["purposes"]


def build_networks(builder):
    """The networks' profiles; called by DemoBuilder.build() once the vocabularies, the
    organisations and their translations exist."""
    data = _read()
    organisations = {entry["slug"]: entry for entry in content.ORGANISATIONS}
    for spec in data["networks"]:
        _network(builder, organisations[spec["organisation"]], spec)
        _memberships(builder, organisations, spec)


def _network(builder, organisation, spec):
    """The network's profile on its page in its own language, then its translations."""
    language = organisation["language"]
    page = _organisation_page(builder, organisation).specific
    if not page.network_form:
        own = spec["text"][language]
        for name in PROFILE_TEXTS:
            setattr(page, name, own[name])
        page.network_form = spec["form"]
        page.network_level = spec["level"]
        page.network_orientation = spec["orientation"]
        page.decision_making = spec["decision_making"]
        page.founded = spec["founded"]
        page.legal_entity = spec["legal_entity"]
        page.coordinator_contact = spec["coordinator_contact"]
        page.coordinator_email = spec["coordinator_email"]
        page.territory_places = [builder.places[slug] for slug in spec["places"]]
        page.network_themes = [
            builder._term(ExpertiseCategory, slug, language) for slug in spec["themes"]
        ]
        page.network_purposes = [
            builder._term(NetworkPurpose, slug, language) for slug in spec["purposes"]
        ]
        page.network_activities = _activities(builder, spec, language, page.locale)
        page.save_revision(clean=False).publish()
        builder._made(page)
        builder.created["network activities"] += len(spec.get("activities", []))
    for other in content.LANGUAGES:
        if other == language:
            continue
        text = spec["text"][other]
        fields = {
            **builder._organisation_fields(organisation, text, other),
            **{name: text[name] for name in PROFILE_TEXTS},
            "slug": organisation["slug"],
        }
        builder._translate(
            page, other, fields, relink=True, pairs=_activity_pairs(spec, language, other)
        )


def _activities(builder, spec, language, locale):
    """The network's activities, in its own language, newest first."""
    return [
        NetworkActivity(
            locale=locale,
            kind=entry["kind"],
            date=builder.today - datetime.timedelta(days=entry["days_ago"]),
            **entry["text"][language],
        )
        for entry in sorted(spec.get("activities", []), key=lambda entry: entry["days_ago"])
    ]


def _activity_pairs(spec, language, other):
    """{("network_activities", text in the network's language): its text in `other`}."""
    return {
        ("network_activities", entry["text"][language][name]): entry["text"][other][name]
        for entry in spec.get("activities", [])
        for name in ("title", "summary", "outcome")
    }


def _memberships(builder, organisations, spec):
    """The network's members among the demo organisations, both sides having agreed, and its
    members that are not on the portal."""
    network = _organisation_page(builder, organisations[spec["organisation"]])
    today = builder.today
    for entry in spec.get("members", []):
        member = _organisation_page(builder, organisations[entry["organisation"]])
        exists = Membership.objects.filter(
            network_key=network.translation_key, member_key=member.translation_key
        ).exists()
        if not exists:
            Membership.objects.create(
                network_key=network.translation_key,
                member_key=member.translation_key,
                country=organisations[entry["organisation"]]["country"],
                role=entry["role"],
                state=MembershipState.ACTIVE,
                since=datetime.date(today.year - entry["years"], today.month, 1),
            )
            builder.created["memberships"] += 1
    for entry in spec.get("pending_members", []):
        member = _organisation_page(builder, organisations[entry["organisation"]])
        if not Membership.objects.filter(
            network_key=network.translation_key, member_key=member.translation_key
        ).exists():
            Membership.objects.create(
                network_key=network.translation_key,
                member_key=member.translation_key,
                country=organisations[entry["organisation"]]["country"],
                role=entry["role"],
                state=MembershipState(entry["state"]),  # invited, or asked to join
            )
            builder.created["memberships"] += 1
    for entry in spec.get("outside_members", []):
        if not Membership.objects.filter(
            network_key=network.translation_key, outside_name=entry["name"]
        ).exists():
            Membership.objects.create(
                network_key=network.translation_key,
                outside_name=entry["name"],
                outside_website=entry["website"],
                country=entry["country"],
                role=entry["role"],
                state=MembershipState.ACTIVE,
                since=datetime.date(today.year - entry["years"], today.month, 1),
            )
            builder.created["memberships"] += 1
