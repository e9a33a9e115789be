"""Admin → Mentoring: the mentors to approve, the requests and mentorships, and their figures.

Central staff see every country; a facilitator the mentors of their countries, and the requests
and mentorships in which the mentor or the mentee is from one of them. Anyone else is refused
(403), and a row outside one's reach is a 404 by direct address. A mentee's contact details are
never shown here: a facilitator sees their first name and country only.

Approving or rejecting a mentor goes through `requests.set_approval` and emails the mentor.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSetGroup

from core.admin_views import (
    RecordActionView,
    RecordInspectView,
    RecordViewSet,
    local_time,
    paragraphs,
)
from core.policies import RowScopePolicy
from core.roles import Role, follow_up_users
from directory.countries import country_names

from . import figures, mail, requests
from .models import Approval, MentoringRequest, MentorProfile, Mentorship


def countries_of(user):
    """The codes of the countries whose mentoring `user` follows (None: every country); a
    user who follows none is refused."""
    role = Role.of(user)
    if role.is_central_staff:
        return None
    if not role.is_facilitator:
        raise PermissionDenied
    return role.country_codes


def may_follow_mentoring(user):
    return Role.of(user).follows_up


def mentors_for(user):
    if not may_follow_mentoring(user):
        return MentorProfile.objects.none()
    codes = countries_of(user)
    mentors = MentorProfile.objects.all()
    return mentors if codes is None else mentors.filter(country__in=codes)


def _either_side(model, user):
    if not may_follow_mentoring(user):
        return model.objects.none()
    codes = countries_of(user)
    rows = model.objects.select_related("mentor", "mentee")
    if codes is None:
        return rows
    return rows.filter(Q(mentor__country__in=codes) | Q(mentee__country__in=codes))


def requests_for(user):
    return _either_side(MentoringRequest, user)


def mentorships_for(user):
    return _either_side(Mentorship, user)


class MentoringPolicy(RowScopePolicy):
    """Central staff and facilitators, on the rows of their countries."""

    def holds(self, role, action):
        return role.follows_up

    def holders(self, actions):
        return follow_up_users()


class MentorPolicy(MentoringPolicy):
    scopes = {"view": mentors_for, "approve": mentors_for}


class RequestPolicy(MentoringPolicy):
    scopes = {"view": requests_for}


class MentorshipPolicy(MentoringPolicy):
    scopes = {"view": mentorships_for}


def country_choices(user):
    names = country_names()
    codes = countries_of(user) if may_follow_mentoring(user) else set()
    shown = names if codes is None else {c: n for c, n in names.items() if c in codes}
    return sorted(shown.items(), key=lambda item: item[1])


class CountryFilterSet(WagtailFilterSet):
    """A country filter offering the countries the user follows."""

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        if request is not None and "country" in self.filters:
            self.filters["country"].extra["choices"] = country_choices(request.user)


class MentorFilterSet(CountryFilterSet):
    approval = django_filters.ChoiceFilter(label=gettext_lazy("Approval"), choices=Approval.choices)
    country = django_filters.ChoiceFilter(label=gettext_lazy("Country"), choices=[])

    class Meta:
        model = MentorProfile
        fields = ["approval", "country"]


class RequestFilterSet(CountryFilterSet):
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), choices=[], method="filter_country"
    )

    def filter_country(self, queryset, name, value):
        return queryset.filter(Q(mentor__country=value) | Q(mentee__country=value))


class MentoringRequestFilterSet(RequestFilterSet):
    class Meta:
        model = MentoringRequest
        fields = ["state", "country"]


class MentorshipFilterSet(RequestFilterSet):
    class Meta:
        model = Mentorship
        fields = ["state", "country"]


class ScopedIndexView(IndexView):
    """A listing of the rows of the user's countries (`rows`, the viewset's)."""

    rows = None

    def get_base_queryset(self):
        return self.rows(self.request.user)


# Mentors: detail, approve or reject ---------------------------------------------------------


class ApprovalForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            (Approval.APPROVED, Approval.APPROVED.label),
            (Approval.REJECTED, gettext_lazy("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=gettext_lazy("Required to reject: the mentor reads it in the email."),
    )
    # The version of the profile read (its `submitted_at`): a decision on a profile changed
    # since is refused.
    read = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("decision") == Approval.REJECTED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please say why the mentor is not approved."))
        return data


def version(mentor):
    """The version of a mentor's profile a facilitator reads: when it was last sent."""
    return mentor.submitted_at.isoformat() if mentor.submitted_at else ""


class MentorInspectView(RecordInspectView):
    template_name = "mentoring/admin/mentor_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(mentors_for(self.request.user), pk=self.pk)

    def get_profile_display_value(self):
        return paragraphs(self.object.profile)

    def get_country_display_value(self):
        return country_names().get(self.object.country, self.object.country)

    def get_approved_at_display_value(self):
        return local_time(self.object.approved_at)

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_submitted_at_display_value(self):
        return local_time(self.object.submitted_at)

    def get_user_display_value(self):
        user = self.object.user
        return f"{get_user_display_name(user)} ({user.get_username()})" if user else "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["approval_url"] = self.action_url()
        context["approval_form"] = kwargs.get("approval_form") or ApprovalForm(
            initial={"read": version(self.object)}
        )
        return context


class MentorApprovalView(RecordActionView):
    """POST only: approve, or reject with a reason (a form error without one)."""

    permission_required = "approve"
    http_method_names = ["post"]
    inspect_view_class = None
    inspect_view_kwargs = None

    def post(self, request, pk):
        get_object_or_404(mentors_for(request.user), pk=pk)
        form = ApprovalForm(request.POST)
        if form.is_valid():
            try:
                # Under the lock a change from the mentor's page takes, with the email: the
                # decision is on the text read, and the mentor hears of it.
                with transaction.atomic():
                    mentor = requests.lock_mentor(MentorProfile(pk=pk))
                    read = form.cleaned_data["read"]
                    if read and read != version(mentor):
                        raise requests.MentoringRefused(
                            _(
                                "The mentor changed their profile after you opened it: read it "
                                "again before deciding."
                            )
                        )
                    requests.set_approval(
                        mentor, form.cleaned_data["decision"], form.cleaned_data["reason"]
                    )
                    mail.send_approval(mentor)
            except requests.MentoringRefused as refused:
                if read and read != version(mentor):  # the form again, for the text now
                    form = ApprovalForm({**request.POST.dict(), "read": version(mentor)})
                    form.is_valid()
                form.add_error(None, refused.messages)
            else:
                if mentor.approval == Approval.APPROVED:
                    message = _("%(name)s is approved and has been emailed.")
                else:
                    message = _("%(name)s is not approved; they have been emailed why.")
                messages.success(request, message % {"name": mentor.name})
                return self.back_to_row(mentor.pk)
        # The mentor's detail again, with the form and its errors (the dispatch, checked above,
        # would refuse a POST).
        view = self.inspect_view_class(**self.inspect_view_kwargs)
        view.setup(request, pk=pk)
        response = view.get(request, pk=pk)
        response.context_data["approval_form"] = form
        response.status_code = 400
        return response


class MentorViewSet(RecordViewSet):
    model = MentorProfile
    name = "mentors"
    icon = "user"
    menu_label = gettext_lazy("Mentors")
    ordering = ["-submitted_at"]
    inspect_view_class = MentorInspectView
    action_name = "approval"
    action_permission = "approve"
    action_view_class = MentorApprovalView
    inspect_view_fields = [
        "name",
        "email",
        "country",
        "city",
        "profile",
        "link",
        "keywords",
        "delivery",
        "capacity",
        "paused",
        "approval",
        "approval_reason",
        "approved_at",
        "submitted_at",
        "created_at",
        "user",
    ]
    list_display = ["name", "country", "approval", "submitted_at"]
    filterset_class = MentorFilterSet
    search_fields = ["name"]
    search_backend_name = None  # the database's own search: no index of mentors
    index_view_class = ScopedIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(rows=mentors_for, **kwargs)

    @property
    def action_view(self):
        return self.action_view_class.as_view(
            model=self.model,
            inspect_url_name=self.get_url_name("inspect"),
            inspect_view_class=self.inspect_view_class,
            inspect_view_kwargs=self.get_common_view_kwargs(**self.get_inspect_view_kwargs()),
        )


# Requests and mentorships: read-only --------------------------------------------------------


class ReadOnlyInspectView(RecordInspectView):
    rows = None

    def get_object(self, queryset=None):
        return get_object_or_404(self.rows(self.request.user), pk=self.pk)

    def get_mentee_display_value(self):
        mentee = self.object.mentee
        country = country_names().get(mentee.country, mentee.country)
        return f"{mentee.first_name} ({country})"

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_answered_at_display_value(self):
        return local_time(self.object.answered_at)

    def get_started_at_display_value(self):
        return local_time(self.object.started_at)

    def get_ended_at_display_value(self):
        return local_time(self.object.ended_at)


class ReadOnlyViewSet(RecordViewSet):
    """A listing and a detail, no action."""

    search_fields = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super(RecordViewSet, self).get_inspect_view_kwargs(rows=self.rows, **kwargs)

    index_view_class = ScopedIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(rows=self.rows, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class MentoringRequestViewSet(ReadOnlyViewSet):
    model = MentoringRequest
    name = "mentoring_requests"
    icon = "mail"
    menu_label = gettext_lazy("Requests")
    ordering = ["-created_at"]
    rows = staticmethod(requests_for)
    list_display = ["mentee", "mentor", "state", "created_at", "answered_at"]
    filterset_class = MentoringRequestFilterSet
    inspect_view_class = ReadOnlyInspectView
    inspect_view_fields = ["mentee", "mentor", "state", "reason", "created_at", "answered_at"]


class MentorshipViewSet(ReadOnlyViewSet):
    model = Mentorship
    name = "mentorships"
    icon = "group"
    menu_label = gettext_lazy("Mentorships")
    ordering = ["-started_at"]
    rows = staticmethod(mentorships_for)
    list_display = ["mentee", "mentor", "state", "started_at", "ended_at"]
    filterset_class = MentorshipFilterSet
    inspect_view_class = ReadOnlyInspectView
    inspect_view_fields = [
        "mentee",
        "mentor",
        "state",
        "started_at",
        "ended_at",
        "ended_by",
        "end_reason",
    ]


# Figures ------------------------------------------------------------------------------------


def figures_view(request):
    codes = countries_of(request.user)
    return TemplateResponse(
        request,
        "mentoring/admin/figures.html",
        {
            "page_title": _("Mentoring figures"),
            "header_icon": "table",
            "figures": figures.monthly(codes),
        },
    )


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_follow_mentoring(request.user)


class FiguresViewSet(ViewSet):
    name = "mentoring_figures"
    icon = "table"
    menu_label = gettext_lazy("Mentoring figures")
    menu_item_class = FiguresMenuItem

    def get_urlpatterns(self):
        return [path("", figures_view, name="index")]


class MentoringViewSetGroup(ModelViewSetGroup):
    """Admin → Mentoring, for central staff and facilitators only."""

    menu_label = gettext_lazy("Mentoring")
    menu_name = "mentoring"
    menu_icon = "user"
    menu_order = 270

    def __init__(self):
        self.registerables = [
            MentorViewSet(add_to_admin_menu=False),
            MentoringRequestViewSet(add_to_admin_menu=False),
            MentorshipViewSet(add_to_admin_menu=False),
            FiguresViewSet(add_to_admin_menu=False),
        ]


def pending_mentors_url():
    return reverse("mentors:index") + "?" + urlencode({"approval": Approval.PENDING})
