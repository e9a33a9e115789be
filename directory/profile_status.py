"""Where an organisation's profile stands, and the one thing to do next, for its own admin home.

Read from the real state of its page (live, unpublished changes, in a workflow), its account
(verified) and its completeness (directory/completeness.py): never stored.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from directory.models import OrganisationAccount

DRAFT = "draft"
WAITING = "waiting"
NEEDS_CHANGES = "needs_changes"
PUBLIC = "public"
PUBLIC_WITH_DRAFT = "public_with_draft"

#: What to do about a missing item of the profile, and where it is done (see `next_step`).
RULE_STEPS = {
    "full_name": (_("Complete your profile: write the organisation's full name"), "edit"),
    "short_description": (_("Complete your profile: add a short description"), "edit"),
    "contact": (_("Complete your profile: add an email address or a phone number"), "edit"),
    "logo": (_("Complete your profile: add a logo"), "edit"),
    "cover_image": (_("Complete your profile: add a cover image"), "edit"),
    "expertise": (_("Complete your profile: choose your areas of expertise"), "edit"),
    "service": (_("Publish your first service"), "add_service"),
    "portfolio": (_("Add your first portfolio project"), "add_project"),
    "english": (_("Translate your profile into English"), "translate"),
    "national_language": (_("Translate your profile into your country's language"), "translate"),
}


@dataclass
class Step:
    label: str
    url: str


@dataclass
class ProfileStatus:
    state: str
    verified: bool
    verified_at: object  # datetime or None
    country: object  # the CountryPage in the reader's language, or None
    can_publish: bool
    next_step: Step

    @property
    def is_draft(self):
        return self.state in (DRAFT, PUBLIC_WITH_DRAFT)


def active_workflow_states(pages):
    """{page pk: its workflow state in progress or needing changes}, in one query."""
    if not pages:
        return {}
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
    )
    return {int(state.object_id): state for state in states}


def state_of(page, workflow_state):
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return NEEDS_CHANGES
        return WAITING
    if not page.live:
        return DRAFT
    if page.has_unpublished_changes:
        return PUBLIC_WITH_DRAFT
    return PUBLIC


def step_urls(page):
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "add_service": reverse(
            "wagtailadmin_pages:add", args=["directory", "servicepage", page.pk]
        ),
        "add_project": reverse(
            "wagtailadmin_pages:add", args=["directory", "portfolioprojectpage", page.pk]
        ),
        "translate": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
    }


def next_step(state, completeness, urls):
    """The one thing to do next: answer the facilitators, then fill what the profile lacks."""
    if state == NEEDS_CHANGES:
        return Step(_("Read the facilitators' comments and change your profile"), urls["edit"])
    missing = set(completeness.missing_codes)
    for code, (label, where) in RULE_STEPS.items():  # in the order people fill them in
        if code in missing:
            return Step(label, urls[where])
    return Step(_("Keep your profile alive: add a new service or opportunity"), urls["add_service"])


def statuses(pages, completeness):
    """{page pk: ProfileStatus} for the organisations' pages given (their first versions).

    `completeness` is `missing_items(pages)`'s result, which also sets each page's country_page.
    """
    accounts = {
        account.translation_key: account
        for account in OrganisationAccount.objects.filter(
            translation_key__in=[page.translation_key for page in pages]
        )
    }
    workflow_states = active_workflow_states(pages)
    result = {}
    for page in pages:
        account = accounts.get(page.translation_key)
        state = state_of(page, workflow_states.get(page.pk))
        country = getattr(page, "country_page", None)
        country = country.localized if country is not None and country.code else None
        result[page.pk] = ProfileStatus(
            state=state,
            verified=bool(account and account.verified),
            verified_at=account.verified_at if account else None,
            country=country,
            can_publish=bool(account and account.verified),
            next_step=next_step(state, completeness[page.pk], step_urls(page)),
        )
    return result
