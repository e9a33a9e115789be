"""Admin screens about organisations: their profile checklist and facilitator, and verification
by facilitators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from directory.completeness import missing_items
from directory.models import Enquiry, OrganisationAccount, OrganisationPage
from directory.models.workflow import facilitates
from directory.permissions import sync_organisation


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


class VerifyOrganisationButton(PageMenuItem):
    label = gettext_lazy("Mark as verified")
    icon_name = "success"
    url_name = "directory_verify_organisation"
    priority = 80

    def is_shown(self, user):
        if not isinstance(self.page.specific_deferred, OrganisationPage):
            return False
        account = OrganisationAccount.objects.filter(translation_key=self.page.translation_key)
        return account.filter(verified=False).exists() and facilitates(user, self.page)


def verify_button(page, user, view_name, next_url=None):
    yield VerifyOrganisationButton(page=page, next_url=next_url)


def verify_organisation(request, page_id):
    """A facilitator of the organisation's country marks it verified: it may then publish."""
    page = get_object_or_404(OrganisationPage, pk=page_id)
    if not facilitates(request.user, page):
        raise PermissionDenied
    account = get_object_or_404(OrganisationAccount, translation_key=page.translation_key)
    if request.method == "POST":
        with transaction.atomic():
            account.verified = True
            account.verified_at = timezone.now()
            account.verified_by = request.user
            account.save(update_fields=["verified", "verified_at", "verified_by"])
            sync_organisation(account)
        messages.success(
            request,
            _("%(name)s is verified: its members can now publish their pages.")
            % {"name": page.title},
        )
        return redirect("wagtailadmin_explore", page.pk)
    return TemplateResponse(
        request, "directory/admin/verify_organisation.html", {"page": page, "account": account}
    )


def organisation_admin_urls():
    return [
        path(
            "directory/organisations/<int:page_id>/verify/",
            verify_organisation,
            name="directory_verify_organisation",
        )
    ]
