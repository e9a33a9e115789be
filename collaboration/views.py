"""A call's public page, and an organisation expressing interest in it.

Who may express interest is decided here, on every request, not by what the page shows:

- a visitor who is not signed in is invited to register (or sign in); a POST is refused (403);
- a signed-in user must belong to an organisation whose profile is published, other than the
  call's own organisation (403 otherwise);
- the call must be live, open and not past its deadline (409 otherwise);
- each organisation expresses interest once per call, in whatever language (409 the second time).

The interest is stored and its email to the call's organisation queued in one transaction.
"""

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.roles import Role
from core.urls import absolute_admin_url, absolute_url
from directory.countries import country_names
from directory.emails import organisation_placeholders
from directory.listing import TermLabels
from directory.models import ExpertiseCategory, OrganisationPage, TargetGroup
from emails import mail

from .models import INTEREST_MAX_LENGTH, CollaborationCallPage, ExpressionOfInterest

TEMPLATE_KEY = "collaboration_interest"
FORM_ID = "interest"


class InterestForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label=gettext_lazy("On behalf of"), coerce=int, empty_value=None
    )
    message = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=INTEREST_MAX_LENGTH,
        help_text=gettext_lazy(
            "Say what your organisation would bring and how to reach the right person. "
            "At most 2,000 characters."
        ),
        error_messages={
            "required": gettext_lazy("Please write a short message for the organisation."),
            "max_length": gettext_lazy(
                "Your message is too long: at most %(limit_value)d characters, it has "
                "%(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("auto_id", f"{FORM_ID}-%s")
        super().__init__(*args, **kwargs)
        self.organisations = {page.pk: page for page in organisations}
        field = self.fields["organisation"]
        field.choices = [(page.pk, page.title) for page in organisations]
        if len(organisations) == 1:  # nothing to choose
            field.required = False
            field.widget = forms.HiddenInput()

    def clean_organisation(self):
        chosen = self.cleaned_data.get("organisation")
        if chosen is None and len(self.organisations) == 1:
            return next(iter(self.organisations))
        return chosen

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    @property
    def chosen(self):
        return self.organisations[self.cleaned_data["organisation"]]


# Who is asking ---------------------------------------------------------------------------------


def member_organisations(user):
    """The organisations whose group the user is in, each once: (page, is published).

    The page is the organisation's first published version, else its first version."""
    if not Role.of(user).is_member:
        return []
    pages = OrganisationPage.objects.of_member(user).select_related("locale").shown_versions()
    return [(page, page.live) for page in pages]


class Standing:
    """Where a user stands with a call: what the call's page offers them, and why."""

    ANONYMOUS = "anonymous"
    NO_ORGANISATION = "no_organisation"
    NOT_PUBLISHED = "not_published"
    OWNER = "owner"
    ALREADY = "already"
    CLOSED = "closed"
    CAN_EXPRESS = "can_express"

    def __init__(self, call, owner, user):
        self.call = call
        self.owner = owner
        self.interest = None
        self.organisations = []
        members = member_organisations(user)
        others = [page for page, live in members if page.translation_key != owner.translation_key]
        published = [
            page for page, live in members if live and page.translation_key != owner.translation_key
        ]
        if published:
            self.interest = (
                ExpressionOfInterest.objects.filter(
                    call_key=call.translation_key,
                    organisation_key__in=[page.translation_key for page in published],
                )
                .order_by("created_at")
                .first()
            )
            if self.interest is not None:
                published = [
                    page
                    for page in published
                    if page.translation_key != self.interest.organisation_key
                ]
        closed = not call.accepts_interest
        if not user.is_authenticated:
            self.state = self.CLOSED if closed else self.ANONYMOUS
        elif not members:
            self.state = self.CLOSED if closed else self.NO_ORGANISATION
        elif not others:
            self.state = self.OWNER
        elif self.interest is not None and not published:
            self.state = self.ALREADY
        elif closed:
            self.state = self.CLOSED
        elif not published:
            self.state = self.NOT_PUBLISHED
        else:
            self.state = self.CAN_EXPRESS
            self.organisations = published

    @property
    def refusal(self):
        """(status code, message) when an interest may not be sent now; None when it may."""
        if self.state == self.CAN_EXPRESS:
            return None
        return {
            self.ANONYMOUS: (
                403,
                _("Sign in as a registered organisation to express interest in this call."),
            ),
            self.NO_ORGANISATION: (
                403,
                _("Only registered organisations can express interest in a call."),
            ),
            self.NOT_PUBLISHED: (
                403,
                _(
                    "Your organisation's profile is not published yet. Once your facilitator "
                    "has approved it, you can express interest in calls."
                ),
            ),
            self.OWNER: (403, _("This is your own organisation's call.")),
            self.ALREADY: (
                409,
                _("Your organisation has already expressed interest in this call."),
            ),
            self.CLOSED: (
                409,
                _("This call is closed: it no longer takes expressions of interest."),
            ),
        }[self.state]


# The call's page -------------------------------------------------------------------------------


def call_context(call, request, form=None):
    owner = call.get_parent().specific
    labels = TermLabels(ExpertiseCategory, TargetGroup)
    names = country_names()
    standing = Standing(call, owner, request.user)
    if form is None and standing.state == Standing.CAN_EXPRESS:
        form = InterestForm(organisations=standing.organisations)
    login = reverse("wagtailadmin_login") + "?" + urlencode({"next": request.get_full_path()})
    context = {
        "organisation": owner,
        "country_page": owner.get_parent().specific.localized,
        "expertise_labels": labels.names_here(call.expertise_sought.all()),
        "target_group_labels": labels.names_here(call.target_groups.all()),
        "country_labels": sorted(
            names.get(country.code, country.title) for country in call.countries.all()
        ),
        "contact_name": call.contact_name or owner.contact_person,
        "standing": standing,
        "interest_form": form,
        "interest_url": reverse("collaboration_interest", args=[call.pk]),
        "register_url": reverse("register"),
        "login_url": login,
    }
    if standing.state == Standing.OWNER:
        context["interests_admin_url"] = (
            reverse("interests:index") + "?" + urlencode({"call": call.translation_key})
        )
    return context


def _render_call(request, call, form, status):
    response = call.serve(request, interest_form=form)
    response.status_code = status
    return response


# Expressing interest -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def express_interest(request, page_id):
    """POST: store the interest and email the call's organisation. GET: back to the call."""
    call = CollaborationCallPage.objects.live().filter(pk=page_id).first()
    if call is None:
        raise Http404(_("There is no such call for collaboration."))
    url = call.get_url(request=request)
    if request.method == "GET":
        return HttpResponseRedirect(f"{url}#{FORM_ID}")
    owner = call.get_parent().specific
    standing = Standing(call, owner, request.user)
    if refusal := standing.refusal:
        status, message = refusal
        return TemplateResponse(
            request,
            "collaboration/interest_refused.html",
            {
                "page": call,
                "call": call,
                "message": message,
                "anonymous": standing.state == Standing.ANONYMOUS,
                "register_url": reverse("register"),
                "login_url": reverse("wagtailadmin_login") + "?" + urlencode({"next": url}),
                "call_url": url,
            },
            status=status,
        )
    form = InterestForm(request.POST, organisations=standing.organisations)
    if not form.is_valid():
        return _render_call(request, call, form, 400)
    try:
        receive_interest(call, owner, form.chosen, form.cleaned_data["message"], request.user, url)
    except IntegrityError:  # sent twice at once: the first one won
        messages.info(
            request,
            _("Your organisation has already expressed interest in this call."),
            extra_tags=FORM_ID,
        )
        return redirect(url)
    messages.success(
        request,
        _("Thank you: %(organisation)s has been told of your interest and will answer you.")
        % {"organisation": owner.title},
        extra_tags=FORM_ID,
    )
    response = redirect(f"{url}#{FORM_ID}")
    response.status_code = 303
    return response


def admin_link(interest):
    return absolute_admin_url(reverse("interests:inspect", args=[interest.pk]))


def receive_interest(call, owner, organisation, message, user, call_url):
    """Store the interest and queue its email to the call's organisation: both, or neither."""
    with transaction.atomic():
        interest = ExpressionOfInterest.objects.create(
            call_key=call.translation_key,
            call=call,
            organisation_key=organisation.translation_key,
            organisation=organisation,
            owner_key=owner.translation_key,
            sent_by=user,
            message=message,
            created_at=timezone.now(),
        )
        owner_original = OrganisationPage.objects.first_version(owner) or owner
        sender = organisation  # its published version (see member_organisations)
        address = call.contact_email or owner_original.email
        if address:
            language = owner_original.locale.language_code
            translated = call.get_translation_or_none(owner_original.locale)
            link = call_url
            if translated is not None and translated.live:
                link = translated.get_full_url() or call_url
            reply_to = [sender.email or user.email]  # the organisation answers the sender
            interest.outbox_email = mail.send_templated_email(
                TEMPLATE_KEY,
                to=[address],
                reply_to=[address for address in reply_to if address],
                language=language,
                context={
                    **organisation_placeholders(owner_original),
                    "contact_name": call.contact_name
                    or owner_original.contact_person
                    or owner_original.title,
                    "call_title": (translated or call).title,
                    "call_link": absolute_url(link),
                    "interested_organisation": sender.title,
                    "interested_organisation_link": absolute_url(sender.get_full_url() or ""),
                    "interest_message": message,
                    "interest_link": admin_link(interest),
                },
                organisation=owner_original,
            )
            interest.save(update_fields=["outbox_email"])
    return interest
