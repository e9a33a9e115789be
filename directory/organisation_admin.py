"""Admin screens about organisations: their profile's status and checklist, their facilitator,
submitting the profile in one click, and verification by facilitators (and its withdrawal)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import log

from core.roles import Role
from directory.completeness import missing_items
from directory.emails import send_to_members
from directory.models import Enquiry, OrganisationAccount, OrganisationPage
from directory.models.workflow import facilitates
from directory.permissions import sync_organisation
from directory.profile_status import statuses
from directory.translation_guard import refusal_message
from emails.models import TemplateKey


def own_organisations(user):
    """The organisations whose group the user is in: one page per organisation."""
    pages = OrganisationPage.objects.of_member(user).first_versions()
    return list(pages.select_related("locale").order_by("pk"))


class ProfileChecklistPanel(Component):
    """On an organisation's admin home: what its profile still lacks, in its own words."""

    name = "profile_checklist"
    order = 50
    template_name = "directory/admin/profile_checklist.html"

    def __init__(self, organisations):
        self.organisations = organisations

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        results = missing_items(self.organisations)  # also sets each page's country_page
        status = statuses(self.organisations, results)
        new_enquiries = dict(
            Enquiry.objects.filter(
                organisation_key__in=[page.translation_key for page in self.organisations],
                status=Enquiry.Status.NEW,
            )
            .order_by()
            .values_list("organisation_key")
            .annotate(count=Count("pk"))
        )
        enquiries_url = f"{reverse('enquiries:index')}?status={Enquiry.Status.NEW}"
        context["rows"] = [
            {
                "page": page,
                "completeness": results[page.pk],
                "status": status[page.pk],
                "submit_url": reverse("directory_submit_profile", args=[page.pk]),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "add_service_url": reverse(
                    "wagtailadmin_pages:add", args=["directory", "servicepage", page.pk]
                ),
                "add_project_url": reverse(
                    "wagtailadmin_pages:add", args=["directory", "portfolioprojectpage", page.pk]
                ),
                "new_enquiries": new_enquiries.get(page.translation_key, 0),
                "enquiries_url": enquiries_url,
            }
            for page in self.organisations
        ]
        # The facilitators' contact details come from the facilitators app's template tags.
        context["organisations"] = self.organisations
        return context


def add_profile_checklist(request, panels):
    organisations = own_organisations(request.user)
    if organisations:
        panels.append(ProfileChecklistPanel(organisations))


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>", said the way an organisation thinks of it."""

    label = gettext_lazy("Submit for approval")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context.get("page") and context["page"].current_workflow_state
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Submit for approval again")
        else:
            context["label"] = self.label
        return context


def primary_action_first(menu_items, request, context):
    """`construct_page_action_menu`: the editor's main button (the first item; Wagtail makes it
    the default) moves an organisation's page on: "Publish" once the organisation is verified,
    otherwise "Submit for approval". "Save draft" stays in the menu."""
    if not Role.of(request.user).is_member or Role.of(request.user).is_staff:
        return
    names = [item.name for item in menu_items]
    if "action-publish" in names:
        primary = menu_items.pop(names.index("action-publish"))
    elif "action-submit" in names:
        submit = menu_items.pop(names.index("action-submit"))
        primary = SubmitForApprovalMenuItem(order=submit.order)
    else:
        return
    menu_items.insert(0, primary)


class VerifyOrganisationButton(PageMenuItem):
    label = gettext_lazy("Mark as verified")
    icon_name = "success"
    url_name = "directory_verify_organisation"
    priority = 80
    verified = False  # shown while the organisation's verification is this

    def is_shown(self, user):
        if not isinstance(self.page.specific_deferred, OrganisationPage):
            return False
        account = OrganisationAccount.objects.filter(translation_key=self.page.translation_key)
        return account.filter(verified=self.verified).exists() and facilitates(user, self.page)


class RevokeVerificationButton(VerifyOrganisationButton):
    label = gettext_lazy("Revoke verification")
    icon_name = "cross"
    url_name = "directory_revoke_organisation"
    verified = True


def verify_button(page, user, view_name, next_url=None):
    yield VerifyOrganisationButton(page=page, next_url=next_url)
    yield RevokeVerificationButton(page=page, next_url=next_url)


class Verification:
    """Marking an organisation verified (it may then publish without approval), or taking it
    back: what changes, the email to its members and the line in the page's history."""

    def __init__(self, verified):
        self.verified = verified
        if verified:
            self.action = "directory.verify"
            self.template_key = TemplateKey.VERIFIED
            self.title = gettext_lazy("Mark as verified")
            self.template = "directory/admin/verify_organisation.html"
        else:
            self.action = "directory.revoke_verification"
            self.template_key = TemplateKey.VERIFICATION_REVOKED
            self.title = gettext_lazy("Revoke verification")
            self.template = "directory/admin/revoke_verification.html"

    def done_message(self, page):
        if self.verified:
            text = _("%(name)s is verified: its members can now publish their pages.")
        else:
            text = _("The verification of %(name)s is revoked: its pages wait for approval again.")
        return text % {"name": page.title}

    @transaction.atomic
    def apply(self, account, page, user):
        """Change the account and its rights, email the members, write the log entry.
        False (and nothing done) when the account already is in that state."""
        account = OrganisationAccount.objects.select_for_update().get(pk=account.pk)
        if account.verified == self.verified:
            return False
        account.verified = self.verified
        account.verified_at = timezone.now() if self.verified else None
        account.verified_by = user if self.verified else None
        account.save(update_fields=["verified", "verified_at", "verified_by"])
        sync_organisation(account)
        log(instance=page, action=self.action, user=user)
        reply_to = [user.email] if user.email else None
        send_to_members(self.template_key, page, lambda language: {}, reply_to=reply_to)
        return True

    def view(self, request, page_id):
        """GET: what the change means, and a button; POST: the change."""
        page = get_object_or_404(OrganisationPage, pk=page_id)
        if not facilitates(request.user, page):
            raise PermissionDenied
        account = get_object_or_404(OrganisationAccount, translation_key=page.translation_key)
        if request.method == "POST":
            if self.apply(account, page, request.user):
                messages.success(request, self.done_message(page))
            return redirect("wagtailadmin_pages:edit", page.pk)
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET", "POST"])
        return TemplateResponse(
            request,
            self.template,
            {
                "page": page,
                "account": account,
                "page_title": self.title,
                "header_title": self.title,
                "header_icon": "success" if self.verified else "cross",
                "cancel_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "already": account.verified == self.verified,
            },
        )


verify_organisation = Verification(verified=True).view
revoke_verification = Verification(verified=False).view


def submit_profile(request, page_id):
    """The status line's button: submit the profile's latest draft for approval, or publish it
    where the organisation is verified; what the editor's primary action does, in one click."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(OrganisationPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    if (refusal := refusal_message(page)) is not None:
        messages.error(request, refusal)
        return redirect("wagtailadmin_home")
    revision = page.get_latest_revision()
    if permissions.can_publish():
        with transaction.atomic():
            revision = revision or page.save_revision(user=request.user, log_action=True)
            revision.publish(user=request.user)
        messages.success(request, _("Your profile is public."))
    elif permissions.can_submit_for_moderation():
        with transaction.atomic():
            if revision is None:
                page.save_revision(user=request.user, log_action=True)
            page.get_workflow().start(page, request.user)
        messages.success(request, _("Your profile is submitted for approval."))
    else:
        messages.error(request, _("Your profile is already waiting for approval."))
    return redirect("wagtailadmin_home")


def organisation_admin_urls():
    return [
        path(
            "directory/organisations/<int:page_id>/submit/",
            submit_profile,
            name="directory_submit_profile",
        ),
        path(
            "directory/organisations/<int:page_id>/verify/",
            verify_organisation,
            name="directory_verify_organisation",
        ),
        path(
            "directory/organisations/<int:page_id>/revoke-verification/",
            revoke_verification,
            name="directory_revoke_organisation",
        ),
    ]


def register_verification_log_actions(actions):
    actions.register_action(
        "directory.verify", gettext_lazy("Mark as verified"), gettext_lazy("Marked as verified")
    )
    actions.register_action(
        "directory.revoke_verification",
        gettext_lazy("Revoke verification"),
        gettext_lazy("Verification revoked"),
    )
