"""The organisation's file: everything a facilitator knows about one organisation, on one screen.

Who it is and how to reach it, where it stands (registered, address confirmed, submitted, published,
verified), what its profile lacks, its pages, and a timeline of everything that happened with it:
contacts, emails and their delivery, reminders, enquiries, approvals and page changes, and what
other apps add through the `register_organisation_timeline` hook (directory/timeline.py):
expressions of interest (collaboration) and features on social media (featured).

An organisation is all its language versions together: the file is addressed by the translation
key they share, so it is the same file whichever version one comes from. Only the facilitators of
its country and central staff open it (`organisations_for`); anyone else gets a 403 (who follows
no organisation) or a 404 (an organisation one does not follow).

The timeline reads each kind's latest rows with a limit, merges them and shows them newest first,
a page at a time: its cost does not grow with the organisation's history.
"""

import datetime
import heapq

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.permissions import policy_registry

from directory import freshness
from directory.countries import country_names
from directory.models import (
    Enquiry,
    OrganisationAccount,
    OrganisationPage,
    PlaceNames,
    ServicePage,
)
from directory.models.workflow import facilitates
from directory.timeline import TimelineEntry, TimelineSource, registered_sources
from emails.models import OutboxEmail, TemplateKey

from .followup import can_follow_up, follow_up, organisations_for
from .models import ContactChannel, ContactLog

URL_NAME = "facilitators_organisation_file"

#: Entries on one page of the timeline, and the furthest one can page back.
PER_PAGE = 30
MAX_PAGES = 20

WELCOME_TEMPLATES = (TemplateKey.WELCOME, TemplateKey.WELCOME_COUNTRY_MISSING)
REMINDER_TEMPLATES = (TemplateKey.PROFILE_REMINDER,)
DELIVERY_PROBLEMS = {
    OutboxEmail.Status.FAILED,
    OutboxEmail.Status.BOUNCED,
    OutboxEmail.Status.COMPLAINED,
    OutboxEmail.Status.REJECTED,
}


def file_url(organisation):
    """The address of the file of `organisation` (any language version, or its key)."""
    key = getattr(organisation, "translation_key", organisation)
    return reverse(URL_NAME, args=[key])


def person(user):
    return get_user_display_name(user) if user is not None else ""


class Organisation:
    """The organisation's language versions and every page below them."""

    def __init__(self, key):
        self.key = key
        self.versions = list(
            OrganisationPage.objects.filter(translation_key=key)
            .select_related("locale")
            .order_by("pk")
        )

    @cached_property
    def scope(self):
        """Its pages and their descendants, in every language, as a condition on `Page`."""
        scope = Q(pk__in=[])
        for version in self.versions:
            scope |= Q(path__startswith=version.path)
        return scope

    @cached_property
    def version_ids(self):
        return [version.pk for version in self.versions]

    def page_ids(self):
        return Page.objects.filter(self.scope).values("pk")


# The timeline's own sources ----------------------------------------------------------------------


class ContactSource(TimelineSource):
    """Calls, meetings and other contacts logged by people. (The emails the portal sent are
    shown as emails, and features as features, each with its own details.)"""

    kind = "contact"
    label = gettext_lazy("Contacts")
    order = 10

    def entries(self, request, key, limit):
        contacts = (
            ContactLog.objects.filter(organisation_key=key, email__isnull=True)
            .filter(featured__isnull=True)
            .select_related("by")
            .order_by("-contacted_at", "-pk")[:limit]
        )
        return [self.entry(contact) for contact in contacts]

    def entry(self, contact):
        outcome = getattr(contact, "get_outcome_display", None)  # when the log records one
        follow_up_on = getattr(contact, "follow_up_on", None)
        status = []
        if outcome is not None and getattr(contact, "outcome", ""):
            status.append(str(outcome()))
        if follow_up_on:
            status.append(
                _("follow up on %(date)s")
                % {"date": date_format(follow_up_on, "SHORT_DATE_FORMAT")}
            )
        return TimelineEntry(
            at=contact.contacted_at,
            kind=self.kind,
            title=contact.get_channel_display(),
            text=contact.note,
            by=person(contact.by),
            status=" · ".join(status),
            url=reverse("contacts:edit", args=[contact.pk]),
        )


class EmailSource(TimelineSource):
    """Emails the portal sent to the organisation (to any language version of it)."""

    kind = "email"
    label = gettext_lazy("Emails")
    order = 20

    def __init__(self, organisation):
        self.organisation = organisation

    def emails(self, request, condition, limit):
        senders = ContactLog.objects.select_related("by").order_by("pk")
        emails = (
            OutboxEmail.objects.filter(organisation_id__in=self.organisation.version_ids)
            .filter(condition)
            .prefetch_related(Prefetch("contacts", queryset=senders))
            .order_by("-created_at", "-pk")[:limit]
        )
        policy = policy_registry.get_by_type(OutboxEmail)
        may_open = policy is not None and policy.user_has_permission(request.user, "view")
        return [self.entry(email, may_open) for email in emails]

    def entries(self, request, key, limit):
        return self.emails(request, ~Q(template_key__in=REMINDER_TEMPLATES), limit)

    def entry(self, email, may_open):
        sender = next((contact.by for contact in email.contacts.all() if contact.by), None)
        return TimelineEntry(
            at=email.created_at,
            kind=self.kind,
            title=email.get_template_key_display() or _("Email"),
            subject=email.subject,
            text=_("To: %(to)s") % {"to": email.recipients},
            by=person(sender),
            status=email.get_status_display(),
            alert=email.status in DELIVERY_PROBLEMS,
            url=reverse("outbox:inspect", args=[email.pk]) if may_open else "",
            language=email.language,
        )


class ReminderSource(EmailSource):
    kind = "reminder"
    label = gettext_lazy("Reminders")
    order = 30

    def entries(self, request, key, limit):
        return self.emails(request, Q(template_key__in=REMINDER_TEMPLATES), limit)


class EnquirySource(TimelineSource):
    """Citizens' messages to the organisation, and whether it answered."""

    kind = "enquiry"
    label = gettext_lazy("Enquiries")
    order = 40

    def entries(self, request, key, limit):
        enquiries = (
            Enquiry.objects.filter(organisation_key=key)
            .select_related("service", "answered_by")
            .order_by("-created_at", "-pk")[:limit]
        )
        late = timezone.now() - datetime.timedelta(days=settings.PORTAL_ENQUIRY_OVERDUE_DAYS)
        return [
            TimelineEntry(
                at=enquiry.created_at,
                kind=self.kind,
                title=_("Message from %(name)s") % {"name": enquiry.name},
                subject=enquiry.service.title if enquiry.service else "",
                text=truncatechars(enquiry.message, 300),
                status=self.status(enquiry),
                alert=enquiry.status == Enquiry.Status.NEW and enquiry.created_at < late,
                url=reverse("enquiries:inspect", args=[enquiry.pk]),
                language=enquiry.language,
            )
            for enquiry in enquiries
        ]

    def status(self, enquiry):
        if enquiry.status == Enquiry.Status.ANSWERED and enquiry.answered_at:
            return _("Answered on %(date)s") % {
                "date": date_format(timezone.localtime(enquiry.answered_at), "SHORT_DATE_FORMAT")
            }
        return enquiry.get_status_display()


#: Wagtail's log actions that say where the organisation stands with its facilitators.
APPROVAL_ACTIONS = (
    "wagtail.publish",
    "wagtail.unpublish",
    "wagtail.publish.scheduled",
    "wagtail.schedule.publish",
    "wagtail.schedule.cancel",
    "directory.verify",
    "directory.revoke_verification",
)


def approval_actions():
    return Q(action__in=APPROVAL_ACTIONS) | Q(action__startswith="wagtail.workflow.")


class PageHistorySource(TimelineSource):
    """Approvals: publication, the approval workflow (with the facilitators' comments) and
    verification, on any of the organisation's pages."""

    kind = "approval"
    label = gettext_lazy("Approvals and verification")
    order = 60

    def __init__(self, organisation):
        self.organisation = organisation

    def condition(self):
        return approval_actions()

    def entries(self, request, key, limit):
        log = (
            PageLogEntry.objects.filter(page_id__in=self.organisation.page_ids())
            .filter(self.condition())
            .select_related("user", "page", "page__locale")
            .order_by("-timestamp", "-pk")[:limit]
        )
        return [self.entry(entry) for entry in log]

    def entry(self, entry):
        page = entry.page
        return TimelineEntry(
            at=entry.timestamp,
            kind=self.kind,
            title=entry.message,
            subject=entry.label,
            text=entry.comment,
            by=entry.user_display_name if entry.user_id else "",
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "",
            language=page.locale.language_code if page else "",
        )


class PageChangeSource(PageHistorySource):
    """Everything else that happened to its pages: created, edited, moved, translated..."""

    kind = "page"
    label = gettext_lazy("Page changes")
    order = 80

    def condition(self):
        return ~approval_actions()


# Where the organisation stands -------------------------------------------------------------------


class StandingMixin:
    """The header's facts, read once each."""

    @cached_property
    def account(self):
        return (
            OrganisationAccount.objects.filter(translation_key=self.page.translation_key)
            .select_related("verified_by")
            .first()
        )

    @cached_property
    def members(self):
        users = get_user_model().objects.filter(
            groups__organisation_account__translation_key=self.page.translation_key
        )
        return list(users.order_by("date_joined", "pk").distinct())

    def email_confirmed(self):
        """(confirmed, when): the welcome email is sent when the address is confirmed."""
        welcome = (
            OutboxEmail.objects.filter(
                organisation_id__in=self.organisation.version_ids,
                template_key__in=WELCOME_TEMPLATES,
            )
            .order_by("created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        confirmed = welcome is not None or any(user.is_active for user in self.members)
        return confirmed, welcome

    def submitted(self):
        """The latest request for approval of the profile (any language version)."""
        return (
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in self.organisation.version_ids],
            )
            .select_related("requested_by")
            .order_by("-created_at")
            .first()
        )

    def pages(self):
        """The organisation's pages (each language version, and what sits below them)."""
        pages = list(
            Page.objects.filter(self.organisation.scope)
            .select_related("locale")
            .order_by("path")[: self.max_pages + 1]
        )
        waiting = set(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(page.pk) for page in pages],
            ).values_list("object_id", flat=True)
        )
        for page in pages:
            page.waiting = str(page.pk) in waiting
            page.type_name = page.specific_class._meta.verbose_name if page.specific_class else ""
            page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            page.is_version = page.pk in self.organisation.version_ids
        return pages

    max_pages = 60


#: Kinds left out until asked for: every draft saved is a page change, and would bury the rest.
HIDDEN_BY_DEFAULT = {"page"}


class TimelineFilterForm(forms.Form):
    """Which kinds of entry to show. Unfiltered (no `filtered` in the address), all but page
    changes; filtered with nothing ticked, everything."""

    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Nothing ticked: everything."),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGES)
    filtered = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)

    def __init__(self, data, *, sources):
        choices = [(source.kind, source.label) for source in sources]
        if "filtered" not in data and "kind" not in data:
            data = data.copy()
            shown = [kind for kind, _label in choices if kind not in HIDDEN_BY_DEFAULT]
            data.setlist("kind", shown)
        super().__init__(data)
        self.fields["kind"].choices = choices
        self.fields["page"].widget = forms.HiddenInput()


class OrganisationFileView(StandingMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "facilitators/admin/organisation_file.html"
    header_icon = "folder-open-inverse"

    def dispatch(self, request, key):
        if not can_follow_up(request.user):
            raise PermissionDenied
        self.followed = organisations_for(request.user).filter(translation_key=key)
        self.page = self.followed.select_related("locale").first()
        if self.page is None:
            raise Http404
        self.organisation = Organisation(key)
        return super().dispatch(request, key)

    def get_page_title(self):
        return _("File: %(name)s") % {"name": self.page.title}

    def post(self, request, key):
        """ "Record a check": the facilitator went through the organisation's pages with it and
        they are accurate. Its profile and every published service are dated today
        (`directory.freshness`), and the check is a contact in the log."""
        if request.POST.get("action") != "checked":
            return HttpResponseBadRequest(_("Unknown action."))
        versions = OrganisationPage.objects.filter(translation_key=key)
        under = Q(pk__in=[])
        for version in versions:
            under |= Q(path__startswith=version.path, depth=version.depth + 1)
        services = (
            ServicePage.objects.live().filter(under).values_list("translation_key", flat=True)
        )
        with transaction.atomic():
            freshness.record_check([key, *services])
            ContactLog.objects.create(
                organisation_key=key,
                organisation_id=self.page.pk,
                channel=ContactChannel.OTHER,
                note=_("Checked its pages with the organisation: they are accurate."),
                by=request.user,
            )
        messages.success(request, _("Its profile and services are marked as checked today."))
        return redirect(request.get_full_path())

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title()},
        ]

    # The actions -------------------------------------------------------------------------------

    @cached_property
    def actions(self):
        back = self.request.get_full_path()
        query = urlencode({"organisation": self.page.pk, "next": back})
        about_it = urlencode({"organisation": self.page.pk})
        actions = {
            "log_contact": f"{reverse('contacts:add')}?{query}",
            "reminder": f"{reverse('facilitation_reminder')}?{query}",
            "edit": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            "explore": reverse("wagtailadmin_explore", args=[self.page.pk]),
            "contacts": f"{reverse('contacts:index')}?{about_it}",
            "enquiries": f"{reverse('enquiries:index')}?{about_it}",
            "verify": "",
            "revoke": "",
        }
        if self.account and facilitates(self.request.user, self.page):
            if self.account.verified:
                actions["revoke"] = reverse("directory_revoke_organisation", args=[self.page.pk])
            else:
                actions["verify"] = reverse("directory_verify_organisation", args=[self.page.pk])
        return actions

    # The timeline ------------------------------------------------------------------------------

    @cached_property
    def sources(self):
        organisation = self.organisation
        sources = [
            ContactSource(),
            EmailSource(organisation),
            ReminderSource(organisation),
            EnquirySource(),
            PageHistorySource(organisation),
            PageChangeSource(organisation),
            *registered_sources(),
        ]
        return sorted(sources, key=lambda source: source.order)

    def timeline(self, form):
        kinds = set(form.cleaned_data.get("kind") or []) if form.is_valid() else set()
        if not form.is_valid():
            kinds = {source.kind for source in self.sources} - HIDDEN_BY_DEFAULT
        number = (form.cleaned_data.get("page") if form.is_valid() else None) or 1
        shown = [source for source in self.sources if not kinds or source.kind in kinds]
        wanted = number * PER_PAGE + 1  # one more: is there a next page?
        key = self.page.translation_key
        merged = heapq.merge(
            *(source.entries(self.request, key, wanted) for source in shown),
            key=lambda entry: entry.at,
            reverse=True,
        )
        found = list(merged)[:wanted]
        start = (number - 1) * PER_PAGE
        labels = {source.kind: source.label for source in self.sources}
        entries = found[start : start + PER_PAGE]
        for entry in entries:
            entry.kind_label = labels.get(entry.kind, entry.kind)
        return {
            "entries": entries,
            "number": number,
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if len(found) > number * PER_PAGE and number < MAX_PAGES else None,
        }

    def page_link(self, number):
        data = self.request.GET.copy()
        data["page"] = number
        return "?" + data.urlencode()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = TimelineFilterForm(self.request.GET, sources=self.sources)
        if not form.is_valid():
            self.status = 400
        [row] = follow_up(self.followed)
        confirmed, confirmed_at = self.email_confirmed()
        timeline = self.timeline(form)
        for name in ("previous", "next"):
            if timeline[name]:
                timeline[f"{name}_url"] = self.page_link(timeline[name])
        pages = self.pages()
        context.update(
            place_label=PlaceNames().name(self.page.place_id, with_region=True),
            page=self.page,
            row=row,
            country_name=country_names().get(row.country_code, ""),
            account=self.account,
            members=self.members,
            registered_at=(self.account.created_at if self.account else row.registered_at),
            email_confirmed=confirmed,
            email_confirmed_at=confirmed_at,
            submitted=self.submitted(),
            pages=pages[: self.max_pages],
            more_pages=len(pages) > self.max_pages,
            actions=self.actions,
            form=form,
            timeline=timeline,
        )
        return context

    status = 200

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=self.status, **kwargs)


organisation_file_view = OrganisationFileView.as_view()
