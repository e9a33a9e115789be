"""The contact log and the list of facilitators, in the admin.

Contact log: every call, meeting or email with an organisation. Who sees what is decided here,
per row, not by Django model permissions:

- central staff and superusers see and log contacts with every organisation;
- a country's facilitators see and log contacts with the organisations of their countries;
- anyone else sees nothing: every address of the contact log answers them with a refusal.

The scope is applied to the queryset of every view, so a row outside one's scope is a 404 by
direct URL. The rows the portal writes for the emails it sends are a record of what was sent:
nobody edits or deletes them here.

Facilitators: who they are, their countries, and how organisations reach them. Only central staff
and superusers add, change or remove them; a facilitator's countries are their permissions (see
`Facilitator.sync_groups`).
"""

import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from core.policies import RowScopePolicy
from core.roles import Role, active_users, central_staff_users, follow_up_users
from directory.admin_filters import OrganisationReferenceFilter
from directory.countries import country_names
from directory.models import CountryPage, OrganisationPage
from directory.scoped_policy import country_organisation_keys

from .followup import organisations_for, registered_at
from .models import (
    FOLLOW_UP_MAX_DAYS,
    ContactChannel,
    ContactLog,
    Facilitator,
    Notifications,
    country_choices,
)
from .organisation_file import file_url
from .statistics import StatisticsViewSet

User = get_user_model()


# Who sees and logs which contacts ---------------------------------------------------------------


def visible_contacts(user):
    """The contacts with the organisations `user` looks after (central staff: every contact)."""
    contacts = ContactLog.objects.all()
    role = Role.of(user)
    if not role.follows_up:
        return contacts.none()
    if role.is_central_staff:
        return contacts
    return contacts.filter(organisation_key__in=organisations_for(user).values("translation_key"))


def editable_contacts(user):
    """Those the user may change or delete: contacts logged by hand, not the records the portal
    wrote (emails it sent, features on social media)."""
    return visible_contacts(user).filter(email__isnull=True, featured__isnull=True)


class ContactLogPermissionPolicy(RowScopePolicy):
    """Actions: "view" and "add" for who follows organisations up; "change" and "delete" too, on
    the contacts logged by hand."""

    scopes = {
        "view": visible_contacts,
        "add": visible_contacts,
        "change": editable_contacts,
        "delete": editable_contacts,
    }

    def holds(self, role, action):
        return role.follows_up

    def holders(self, actions):
        return follow_up_users()

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and instance.is_record:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class CentralStaffPermissionPolicy(BasePermissionPolicy):
    """Everything for central staff and superusers; nothing for anyone else."""

    def user_has_permission(self, user, action):
        return Role.of(user).is_central_staff

    def users_with_any_permission(self, actions):
        return active_users(central_staff_users())


# Countries, for labels and filters --------------------------------------------------------------


def country_code_by_path():
    """{path of each country page, in every language: its code}."""
    return dict(CountryPage.objects.values_list("path", "code"))


def parent_path(page):
    return page.path[: (page.depth - 1) * Page.steplen]


# The contact log: the form ----------------------------------------------------------------------


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation, shown with its country: "Cooperativa Il Ponte (Italy)"."""

    @cached_property
    def country_names(self):
        names = country_names()
        return {path: names.get(code, "") for path, code in country_code_by_path().items()}

    def label_from_instance(self, obj):
        country = self.country_names.get(parent_path(obj))
        return f"{obj.title} ({country})" if country else obj.title


CONTACT_FORM_FIELDS = ["organisation", "contacted_at", "channel", "outcome", "follow_up_on", "note"]


class ContactLogForm(WagtailAdminModelForm):
    """A contact logged by hand: when (not in the future, not before the organisation
    registered), how, how it went (required), and when to get back to it (optional: after the
    contact, within a year of it)."""

    organisation = OrganisationChoiceField(
        queryset=OrganisationPage.objects.none(),
        label=gettext_lazy("Organisation"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose one of the organisations you look after: you can only log contacts "
                "with those."
            )
        },
    )

    class Meta:
        model = ContactLog
        fields = CONTACT_FORM_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        organisations = (
            organisations_for(user) if user is not None else OrganisationPage.objects.none()
        )
        if self.instance.pk and self.instance.organisation_id:
            # A contact already logged keeps its page, whichever language version it is.
            organisations = organisations | OrganisationPage.objects.filter(
                pk=self.instance.organisation_id
            )
        self.fields["organisation"].queryset = organisations.order_by("title", "pk")
        self.fields["contacted_at"].help_text = _("When the contact took place.")
        # The portal's own records have no outcome; a contact somebody logs always has one.
        self.fields["outcome"].required = True
        self.fields["outcome"].help_text = _("How the contact went.")
        self.fields["follow_up_on"].help_text = _(
            "Optional: the day to get back to the organisation. It shows on the follow-up "
            "panel from that day on, until another contact is logged."
        )
        # Features are logged by the portal itself, with the feature they record.
        if self.instance.channel != ContactChannel.FEATURED:
            self.fields["channel"].choices = [
                choice
                for choice in self.fields["channel"].choices
                if choice[0] != ContactChannel.FEATURED
            ]

    def clean_contacted_at(self):
        contacted_at = self.cleaned_data["contacted_at"]
        if contacted_at and contacted_at > timezone.now():
            raise ValidationError(_("A contact cannot be in the future."), code="future")
        return contacted_at

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        contacted_at = data.get("contacted_at")
        if organisation is not None and contacted_at is not None:
            registered = registered_at(organisation)
            if registered is not None and local_day(contacted_at) < local_day(registered):
                self.add_error(
                    "contacted_at",
                    ValidationError(
                        _(
                            "%(organisation)s registered on the portal on %(date)s (the day "
                            "its account was created): a contact logged here cannot be "
                            "earlier. Write an earlier exchange in the note."
                        ),
                        code="before_registration",
                        params={
                            "organisation": organisation.title,
                            "date": date_format(local_day(registered), "DATE_FORMAT"),
                        },
                    ),
                )
        follow_up_on = data.get("follow_up_on")
        if follow_up_on is not None and contacted_at is not None:
            day = local_day(contacted_at)
            latest = day + datetime.timedelta(days=FOLLOW_UP_MAX_DAYS)
            if follow_up_on <= day:
                self.add_error(
                    "follow_up_on",
                    ValidationError(
                        _("A follow-up comes after the contact: choose a day after %(date)s."),
                        code="follow_up_too_early",
                        params={"date": date_format(day, "DATE_FORMAT")},
                    ),
                )
            elif follow_up_on > latest:
                self.add_error(
                    "follow_up_on",
                    ValidationError(
                        _(
                            "A follow-up is planned within a year of the contact: choose a day "
                            "until %(date)s."
                        ),
                        code="follow_up_too_late",
                        params={"date": date_format(latest, "DATE_FORMAT")},
                    ),
                )
        return data

    def save(self, commit=True):
        contact = super().save(commit=False)
        contact.organisation_key = contact.organisation.translation_key
        if contact._state.adding and contact.by_id is None and self.for_user is not None:
            contact.by = self.for_user
        if commit:
            contact.save()
            self.save_m2m()
        return contact


# The contact log: the views ---------------------------------------------------------------------


class ScopedObjectMixin:
    """Edit and delete: the row must be in the user's scope (404 otherwise), and editable."""

    def get_queryset(self):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        return visible_contacts(self.request.user).select_related("organisation", "by")

    def get_object(self, queryset=None):
        contact = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.permission_required, contact):
            raise PermissionDenied
        return contact


class BadRequestOnInvalidMixin:
    """A form with errors is answered with 400, not 200."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def by_name(contact):
    user = contact.by
    if user is None:
        return _("the portal")
    return get_user_display_name(user)


def organisation_title(contact):
    return contact.organisation.title if contact.organisation else _("(deleted organisation)")


def local_day(moment):
    return timezone.localtime(moment).date()


def contacted_on(contact):
    return date_format(timezone.localtime(contact.contacted_at), "SHORT_DATETIME_FORMAT")


def follow_up_on(contact):
    return date_format(contact.follow_up_on, "SHORT_DATE_FORMAT") if contact.follow_up_on else ""


class ContactLogFilterSet(WagtailFilterSet):
    organisation = OrganisationReferenceFilter(
        label=gettext_lazy("Organisation"), widget=forms.Select
    )
    channel = django_filters.ChoiceFilter(
        label=gettext_lazy("Channel"), choices=ContactChannel.choices
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), method="filter_country", choices=()
    )

    class Meta:
        model = ContactLog
        fields = ["organisation", "channel", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        organisations = (
            organisations_for(user) if user is not None else OrganisationPage.objects.none()
        )
        self.filters["organisation"].extra["widget"] = forms.Select(
            choices=[
                ("", _("All")),
                *organisations.order_by("title", "pk").values_list("pk", "title"),
            ]
        )
        names = country_names()
        codes = sorted(code for code in names if code)
        if user is not None:
            codes = [code for code in codes if Role.of(user).facilitates_country(code)]
        self.filters["country"].extra["choices"] = sorted(
            ((code, names[code]) for code in codes), key=lambda choice: choice[1]
        )

    def filter_country(self, queryset, name, value):
        return queryset.filter(organisation_key__in=country_organisation_keys([value]))


class TitledIndexView(generic.IndexView):
    def title_column(self, name, label, accessor, sort_key=None):
        """The first column: a link to the row's edit screen (when allowed), and its buttons."""
        column_class = self._get_title_column_class(TitleColumn)
        return column_class(
            name, label=label, accessor=accessor, sort_key=sort_key, get_url=self.get_edit_url
        )


class ContactLogIndexView(TitledIndexView):
    def get_base_queryset(self):
        return visible_contacts(self.request.user).select_related("organisation", "by")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.results_only and self.filters and not self.filters.is_valid():
            response.status_code = 400  # the filter form says what is wrong
        return response

    def search_queryset(self, queryset):
        """The note, and the organisation's name or acronym in any of its languages."""
        if not self.is_searching:
            return queryset
        query = self.search_query
        named = OrganisationPage.objects.filter(
            Q(title__icontains=query) | Q(acronym__icontains=query)
        ).values("translation_key")
        return queryset.filter(Q(note__icontains=query) | Q(organisation_key__in=named))

    @cached_property
    def columns(self):
        return [
            self.title_column("contacted_at", _("Date"), contacted_on, sort_key="contacted_at"),
            TitleColumn(
                "organisation",
                label=_("Organisation"),
                accessor=organisation_title,
                sort_key="organisation__title",
                get_url=lambda contact: file_url(contact.organisation_key),
            ),
            Column("channel", label=_("Channel"), accessor="get_channel_display"),
            Column("outcome", label=_("Outcome"), accessor="get_outcome_display"),
            Column("follow_up_on", label=_("Follow up on"), accessor=follow_up_on),
            Column("by", label=_("By"), accessor=by_name),
            Column("note", label=_("Note"), accessor=lambda c: truncatechars(c.note, 80)),
        ]

    # The rows are already in the user's scope: only the records the portal wrote are read-only.
    def get_edit_url(self, instance):
        if not instance.is_record:
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if not instance.is_record:
            return super().get_delete_url(instance)


def safe_admin_url(request):
    """The request's "next" if it is an address of this site's admin, else ""."""
    url = get_valid_next_url_from_request(request)
    return url if url.startswith(reverse("wagtailadmin_home")) else ""


class ContactLogCreateView(BadRequestOnInvalidMixin, generic.CreateView):
    success_message = gettext_lazy("Contact with %(organisation)s logged.")

    def get_initial(self):
        initial = super().get_initial()
        if self.request.method == "GET" and (pk := self.request.GET.get("organisation")):
            initial["organisation"] = self.prefilled_organisation(pk)
        return initial

    def prefilled_organisation(self, pk):
        """The organisation of the dashboard's "Log a contact" link: only one the user follows.

        Any language version of it is accepted; the form shows the one it was first written in.
        """
        if not str(pk).isdigit():
            raise Http404
        page = get_object_or_404(OrganisationPage, pk=pk)
        organisation = (
            organisations_for(self.request.user)
            .filter(translation_key=page.translation_key)
            .first()
        )
        if organisation is None:
            raise Http404
        return organisation

    @cached_property
    def next_url(self):
        return safe_admin_url(self.request)

    def get_add_url(self):
        url = super().get_add_url()
        if self.next_url:
            url += ("&" if "?" in url else "?") + urlencode({"next": self.next_url})
        return url

    def get_success_url(self):
        return self.next_url or super().get_success_url()

    def get_success_message(self, instance):
        return self.success_message % {"organisation": organisation_title(instance)}


class ContactLogEditView(ScopedObjectMixin, BadRequestOnInvalidMixin, generic.EditView):
    pass


class ContactLogDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ContactLogAdminURLFinder(ModelAdminURLFinder):
    """Links to a contact from elsewhere in the admin, for who may change it."""

    edit_url_name = "contacts:edit"

    def get_edit_url(self, instance):
        if self.user and not editable_contacts(self.user).filter(pk=instance.pk).exists():
            return None
        return self.construct_edit_url(instance)


class ListAndEditViewSet(ModelViewSet):
    """List, add, edit and delete; no history, usage or copy screens, which would show rows
    outside one's scope. Who may do what is decided by the model's permission policy, not by
    Django model permissions, so none are registered."""

    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(history_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().none()


class ContactLogViewSet(ListAndEditViewSet):
    """The contact log: listed, logged by hand, corrected; the emails sent are read-only."""

    model = ContactLog
    name = "contacts"  # /admin/contacts/, URL names "contacts:index", "contacts:add", ...
    icon = "comment"
    menu_label = gettext_lazy("Contact log")
    add_to_admin_menu = True
    menu_order = 260
    add_to_reference_index = False
    form_fields = CONTACT_FORM_FIELDS
    index_view_class = ContactLogIndexView
    add_view_class = ContactLogCreateView
    edit_view_class = ContactLogEditView
    delete_view_class = ContactLogDeleteView
    filterset_class = ContactLogFilterSet
    search_fields = ["note", "organisation__title"]  # see ContactLogIndexView.search_queryset
    ordering = ["-contacted_at", "-pk"]
    url_finder_class = ContactLogAdminURLFinder

    def get_form_class(self, for_update=False):
        return ContactLogForm


# Facilitators -----------------------------------------------------------------------------------


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.get_username()})" if name else obj.get_username()


class CountryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.code})"


class FacilitatorForm(WagtailAdminModelForm):
    user = UserChoiceField(queryset=User.objects.none(), label=gettext_lazy("User"))
    countries = CountryChoiceField(
        queryset=CountryPage.objects.none(),
        label=gettext_lazy("Countries"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy(
            "The countries whose organisations this person approves and supports."
        ),
    )

    class Meta:
        model = Facilitator
        fields = ["user", "countries", "works_for", "email", "phone", "notifications"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Active people who are not facilitators yet, nor members of an organisation.
        users = (
            User.objects.filter(is_active=True)
            .filter(Q(facilitator__isnull=True) | Q(pk=self.instance.user_id))
            .exclude(groups__organisation_account__isnull=False)
        )
        self.fields["user"].queryset = users.order_by("first_name", "last_name", "username")
        self.fields["countries"].queryset = CountryPage.objects.filter(country_choices()).order_by(
            "title"
        )
        notifications = self.fields["notifications"]
        notifications.widget = forms.RadioSelect(choices=notifications.choices)
        notifications.required = False  # left out: an email for each event, as before
        if self.instance.pk:
            # The facilitator's groups follow their user: choose another user with a new entry.
            self.fields["user"].disabled = True

    def clean_notifications(self):
        return self.cleaned_data.get("notifications") or Notifications.EACH


def country_list(facilitator):
    return ", ".join(country.title for country in facilitator.countries.all())


class FacilitatorIndexView(TitledIndexView):
    def get_base_queryset(self):
        return Facilitator.objects.select_related("user").prefetch_related("countries")

    @cached_property
    def columns(self):
        return [
            self.title_column("name", _("Name"), "name", sort_key="user__first_name"),
            Column("countries", label=_("Countries"), accessor=country_list),
            Column("works_for", label=_("Organisation"), accessor="works_for"),
            Column("contact_email", label=_("Contact email"), accessor="contact_email"),
            Column("phone", label=_("Phone"), accessor="phone"),
        ]


class FacilitatorCreateView(BadRequestOnInvalidMixin, generic.CreateView):
    pass


class FacilitatorEditView(BadRequestOnInvalidMixin, generic.EditView):
    pass


class FacilitatorViewSet(ListAndEditViewSet):
    """The national facilitators: their countries, and how organisations reach them."""

    model = Facilitator
    name = "facilitators"  # /admin/facilitators/, URL names "facilitators:index", ...
    icon = "group"
    menu_label = gettext_lazy("Facilitators")
    add_to_admin_menu = True
    menu_order = 270
    add_to_reference_index = False
    form_fields = ["user", "countries", "works_for", "email", "phone", "notifications"]
    index_view_class = FacilitatorIndexView
    add_view_class = FacilitatorCreateView
    edit_view_class = FacilitatorEditView
    search_fields = ["user__first_name", "user__last_name", "user__username", "works_for"]
    ordering = ["user__first_name", "user__last_name", "user__username"]

    def get_form_class(self, for_update=False):
        return FacilitatorForm


class FacilitationViewSetGroup(ModelViewSetGroup):
    """The contact log, the statistics and the facilitators, under one "Facilitation" menu."""

    menu_label = gettext_lazy("Facilitation")
    menu_name = "facilitation"
    menu_icon = "group"
    menu_order = 260

    def __init__(self):
        # Inside the group, the two viewsets are its submenu, not items of the main menu.
        self.registerables = [
            ContactLogViewSet(add_to_admin_menu=False),
            FacilitatorViewSet(add_to_admin_menu=False),
            StatisticsViewSet(add_to_admin_menu=False),
        ]
