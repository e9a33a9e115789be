"""Demo content of the collaboration section, built by demo.builder.DemoBuilder.

- The collaboration index (/<lang>/collaboration/) in every language.
- Calls for collaboration posted by demo organisations of every country, each written in its
  organisation's language and translated into the other three through wagtail-localize, like the
  rest of the demo.
- Expressions of interest from organisations whose expertise matches, some answered.

A page is translated under its parent's translation, so the organisations that post calls are
translated into every language first (the directory demo writes them in their own language and
sometimes English only); their profiles in the other languages are in the content files too.

The calls are chosen so that matching shows: the demo login `organisation` belongs to the first
Italian organisation, Cooperativa Sociale Il Ponte (Palermo: employment, vocational training,
language courses). It owns an open call and a closed one, received interest on both, and several
calls of other organisations seek its expertise in Italy or in any country.

The content (demo/content/): "calls" in structure.json, with "organisation": the slug of the
organisation posting it; "expertise", "targets": vocabulary slugs; "countries": country codes,
empty for any country; "deadline": days from today, null for no deadline. Each call's slug, title,
summary and description paragraphs are under "calls" in every language's file. "interests" in
structure.json are the expressions of interest: written directly (no email is sent for them), one
per call and organisation, in the language of the organisation that sends it; the note on the
response is in the language of the call's organisation.

Everything is looked up before it is made, so building again adds nothing.
"""

import datetime

from django.utils import timezone

from collaboration.models import CollaborationCallPage, CollaborationIndexPage, ExpressionOfInterest
from directory.models import ExpertiseCategory, OrganisationPage, TargetGroup

from . import content

# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def build_collaboration(builder):
    """The collaboration index, the calls and the interest in them; called by DemoBuilder.build()
    once the organisations and their accounts exist."""
    builder._build_index(CollaborationIndexPage, "collaboration", content.COLLABORATION_INDEX)
    organisations = {entry["slug"]: entry for entry in content.ORGANISATIONS}
    owners, calls = {}, {}
    for spec in content.CALLS:
        organisation = organisations[spec["organisation"]]
        if organisation["slug"] not in owners:
            owners[organisation["slug"]] = _organisation_everywhere(builder, organisation)
        calls[spec["key"]] = _call(builder, owners[organisation["slug"]], organisation, spec)
    _interests(builder, organisations, calls)


def _organisation_page(builder, organisation):
    """The organisation's page in the language it is written in (made by the directory demo)."""
    from .builder import DemoError

    page = (
        OrganisationPage.objects.filter(
            slug=organisation["slug"], locale=builder.locales[organisation["language"]]
        )
        .order_by("pk")
        .first()
    )
    if page is None:
        raise DemoError(f"The demo organisation {organisation['slug']!r} is missing.")
    return page


def _organisation_everywhere(builder, organisation):
    """The organisation's page, translated into every language (its calls go under each)."""
    page = _organisation_page(builder, organisation)
    for language in content.LANGUAGES:
        if language == organisation["language"]:
            continue
        text = (
            organisation.get(language)
            or content.ORGANISATION_TRANSLATIONS[organisation["slug"]][language]
        )
        fields = builder._organisation_fields(organisation, text, language)
        builder._translate(page, language, {**fields, "slug": organisation["slug"]}, relink=True)
    return page


def _call_fields(text):
    from .builder import paragraphs

    return {
        "title": text["title"],
        "summary": text["summary"],
        "description": paragraphs(text["description"]),
    }


def _call(builder, organisation_page, organisation, spec):
    """The call (found or made) in its organisation's language, and its translations."""
    language = organisation["language"]
    text = spec["text"][language]
    call = builder._child(organisation_page, CollaborationCallPage, text["slug"])
    if call is None:
        deadline = spec["deadline"]
        call = CollaborationCallPage(
            slug=text["slug"],
            locale=builder.locales[language],
            kind=spec["kind"],
            deadline=None if deadline is None else builder.today + datetime.timedelta(deadline),
            is_open=spec["is_open"],
            contact_name=organisation["contact_person"],
            contact_email=f"info@{organisation['domain']}",
            **_call_fields(text),
        )
        call.expertise_sought = [
            builder._term(ExpertiseCategory, slug, language) for slug in spec["expertise"]
        ]
        call.target_groups = [
            builder._term(TargetGroup, slug, language) for slug in spec["targets"]
        ]
        call.countries = [builder.countries[code] for code in spec["countries"]]
        builder._add_page(organisation_page, call)
        builder.created["collaboration calls"] += 1
    for other in content.LANGUAGES:
        if other != language:
            other_text = spec["text"][other]
            builder._translate(
                call,
                other,
                {**_call_fields(other_text), "slug": other_text["slug"]},
                relink=True,
            )
    return call


def _interests(builder, organisations, calls):
    now = timezone.now()
    owner_keys = {}
    for entry in content.INTERESTS:
        call = calls[entry["call"]]
        sender = _organisation_page(builder, organisations[entry["organisation"]])
        if ExpressionOfInterest.objects.filter(
            call_key=call.translation_key, organisation_key=sender.translation_key
        ).exists():
            continue
        if call.pk not in owner_keys:
            owner_keys[call.pk] = call.get_parent().translation_key
        # The sender read the call in its own language.
        version = call.get_translation_or_none(sender.locale) or call
        responded = entry.get("responded_hours_ago")
        ExpressionOfInterest.objects.create(
            call_key=call.translation_key,
            call=version.specific,
            organisation_key=sender.translation_key,
            organisation=sender,
            owner_key=owner_keys[call.pk],
            message=entry["message"],
            created_at=now - datetime.timedelta(hours=entry["hours_ago"]),
            status=entry["status"],
            response_note=entry.get("response_note", ""),
            responded_at=now - datetime.timedelta(hours=responded) if responded else None,
        )
        builder.created["expressions of interest"] += 1
