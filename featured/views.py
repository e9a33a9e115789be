"""Admin → Featured organisations: central staff plan, caption, post and record the features.

Only central staff and superusers see or touch anything here (`CentralStaffPermissionPolicy`):
every view, including the kit and the share cards, checks it, so a facilitator or an
organisation is refused by direct URL too.
"""

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import AdminPageChooser
from wagtail.admin.widgets.button import HeaderButton

from directory.countries import country_names
from directory.models import OrganisationPage
from directory.models.choices import SocialPlatform
from directory.scoped_policy import country_organisation_keys
from facilitators.contacts import (
    BadRequestOnInvalidMixin,
    CentralStaffPermissionPolicy,
    ListAndEditViewSet,
    TitledIndexView,
    country_code_by_path,
    parent_path,
)

from .featuring import (
    build_kit,
    channel_names,
    default_link,
    draft_captions,
    language_name,
    language_rank,
    period_text,
    record_contact,
    warnings_for,
    week_of,
)
from .models import FeaturedOrganisation
from .share_card import SHARE_IMAGE, share_card

POLICY = CentralStaffPermissionPolicy(FeaturedOrganisation)


def require_central_staff(request):
    if not POLICY.user_has_permission(request.user, "view"):
        raise PermissionDenied


# The form ---------------------------------------------------------------------------------------


def caption_field(code):
    return f"caption_{code}"


def first_version(page):
    """The published language version of `page`'s organisation written first, or None."""
    return OrganisationPage.objects.live().first_version(page)


class OrganisationChooser(AdminPageChooser):
    choose_one_text = gettext_lazy("Choose an organisation")
    choose_another_text = gettext_lazy("Choose another organisation")
    link_to_chosen_text = gettext_lazy("Edit its page")


#: How far from today a feature may start (planned ahead, or recorded after the fact), and how
#: long it may run: a feature is a moment on social media, not a standing listing.
FEATURE_HORIZON_DAYS = 366
FEATURE_MAX_DAYS = 31
WEEK = datetime.timedelta(days=7)


class FeaturedOrganisationForm(WagtailAdminModelForm):
    # Wagtail's page chooser, which searches and browses the directory: a list of every
    # organisation would grow with the directory.
    organisation = forms.ModelChoiceField(
        queryset=OrganisationPage.objects.all(),
        label=gettext_lazy("Organisation"),
        widget=OrganisationChooser(target_models=[OrganisationPage]),
        help_text=gettext_lazy("A published organisation, in any of its languages."),
    )
    channels = forms.MultipleChoiceField(
        label=gettext_lazy("Channels"),
        choices=SocialPlatform.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    link = forms.URLField(
        label=gettext_lazy("Link"), max_length=500, required=False, assume_scheme="https"
    )
    posted_url = forms.URLField(
        label=gettext_lazy("Posted at"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("The address of the post, once published."),
    )
    redraft = forms.BooleanField(
        label=gettext_lazy("Draft the captions again from the profile"),
        required=False,
        help_text=gettext_lazy("Replaces the captions below with fresh drafts."),
    )

    class Meta:
        model = FeaturedOrganisation
        fields = [
            "organisation",
            "starts_on",
            "ends_on",
            "channels",
            "status",
            "link",
            "posted_url",
            "posted_on",
        ]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["ends_on"].required = False
        self.fields["ends_on"].help_text = _("The last day it is featured. Empty: one day only.")
        self.fields["link"].help_text = _(
            "Empty: the organisation's page, with the campaign's parameters."
        )
        self.fields["posted_on"].help_text = _("Empty when marked posted: today.")
        for code, _name in settings.LANGUAGES:
            self.fields[caption_field(code)] = forms.CharField(
                label=_("Caption in %(language)s") % {"language": language_name(code)},
                required=False,
                widget=forms.Textarea(attrs={"rows": 7}),
                initial=(self.instance.captions or {}).get(code, ""),
                help_text=_(
                    "Drafted from the profile when the organisation is published in this "
                    "language; edit it freely."
                ),
            )
        if not self.instance.pk:
            del self.fields["redraft"]

    def clean_organisation(self):
        """The organisation, as the language version written first, and only if published.

        A feature already planned keeps its organisation, even if it was unpublished since.
        """
        page = self.cleaned_data["organisation"]
        if self.instance.pk and page.translation_key == self.instance.organisation_key:
            return self.instance.organisation
        first = first_version(page)
        if first is None:
            raise ValidationError(
                _("Only published organisations can be featured: choose a published one."),
                code="unpublished",
            )
        return first

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        today = timezone.localdate()
        if starts_on and abs((starts_on - today).days) > FEATURE_HORIZON_DAYS:
            raise ValidationError(
                _("A feature is planned at most a year ahead, or recorded up to a year back."),
                code="out_of_range",
            )
        return starts_on

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and not ends_on and "ends_on" not in self.errors:
            data["ends_on"] = starts_on
        elif starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot come before the first."))
        elif starts_on and ends_on and (ends_on - starts_on).days >= FEATURE_MAX_DAYS:
            self.add_error(
                "ends_on",
                _("A feature lasts %(days)s days at most.") % {"days": FEATURE_MAX_DAYS},
            )
        posted_on = data.get("posted_on")
        if posted_on and posted_on > timezone.localdate():
            self.add_error("posted_on", _("A post cannot be dated in the future."))
        if data.get("status") == FeaturedOrganisation.Status.POSTED and not posted_on:
            data["posted_on"] = timezone.localdate()
        return data

    def save(self, commit=True):
        feature = super().save(commit=False)
        adding = feature._state.adding
        feature.organisation_key = feature.organisation.translation_key
        captions = {}
        for code, _name in settings.LANGUAGES:
            text = (self.cleaned_data.get(caption_field(code)) or "").strip()
            if text:
                captions[code] = text
        redraft = self.cleaned_data.get("redraft", False)
        if adding or redraft:
            for code, text in draft_captions(feature, self.request).items():
                if redraft or code not in captions:
                    captions[code] = text
        feature.captions = captions
        self.drafted = adding or redraft
        if not feature.link:
            feature.link = default_link(feature, self.request)
        if adding and feature.created_by_id is None:
            feature.created_by = self.for_user
        if commit:
            feature.save()
            record_contact(feature, self.for_user)
        return feature


# The list ---------------------------------------------------------------------------------------


class When(models.TextChoices):
    RUNNING = "running", gettext_lazy("Featured today")
    UPCOMING = "upcoming", gettext_lazy("Upcoming")
    PAST = "past", gettext_lazy("Past")


class FeaturedFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("When"), choices=When.choices, method="filter_when"
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=FeaturedOrganisation.Status.choices
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), method="filter_country", choices=()
    )

    class Meta:
        model = FeaturedOrganisation
        fields = ["when", "status", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = country_names()
        self.filters["country"].extra["choices"] = sorted(
            ((code, name) for code, name in names.items() if code), key=lambda c: c[1]
        )

    def filter_when(self, queryset, name, value):
        day = timezone.localdate()
        if value == When.RUNNING:
            return queryset.filter(starts_on__lte=day, ends_on__gte=day)
        if value == When.UPCOMING:
            return queryset.filter(starts_on__gt=day)
        return queryset.filter(ends_on__lt=day)

    def filter_country(self, queryset, name, value):
        return queryset.filter(organisation_key__in=country_organisation_keys([value]))


class WarningsColumn(Column):
    cell_template_name = "featured/admin/warnings_cell.html"


class ShareCardsColumn(Column):
    cell_template_name = "featured/admin/share_cards_cell.html"


def organisation_title(feature):
    return feature.organisation.title


def status_text(feature):
    text = feature.get_status_display()
    if feature.status == FeaturedOrganisation.Status.POSTED and feature.posted_on:
        text = f"{text} · {date_format(feature.posted_on, 'SHORT_DATE_FORMAT')}"
    return text


class FeaturedIndexView(TitledIndexView):
    def get_base_queryset(self):
        return FeaturedOrganisation.objects.select_related("organisation")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(object_list)
        codes = self.country_codes
        names = self.country_names
        warnings = warnings_for(rows, codes, names)
        for feature in rows:
            feature.warnings = warnings.get(feature.pk, [])
            code = codes.get(parent_path(feature.organisation), "")
            feature.country_name = names.get(code, "")
            feature.share_cards = share_card_links(feature)
        return paginator, page, rows, is_paginated

    @cached_property
    def country_codes(self):
        return country_code_by_path()

    @cached_property
    def country_names(self):
        return country_names()

    @cached_property
    def columns(self):
        return [
            self.title_column(
                "organisation",
                _("Organisation"),
                organisation_title,
                sort_key="organisation__title",
            ),
            Column("country", label=_("Country"), accessor="country_name"),
            Column("period", label=_("Dates"), accessor=period_text, sort_key="starts_on"),
            Column(
                "channels",
                label=_("Channels"),
                accessor=lambda f: ", ".join(channel_names(f.channels)),
            ),
            Column("status", label=_("Status"), accessor=status_text, sort_key="status"),
            ShareCardsColumn("share_cards", label=_("Share cards"), accessor="share_cards"),
            WarningsColumn("warnings", label=_("Check before posting"), accessor="warnings"),
        ]

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        this_monday, _sunday = week_of(timezone.localdate())
        next_monday = this_monday + datetime.timedelta(days=7)
        kit = reverse("featured:kit")
        buttons += [
            HeaderButton(
                _("This week's kit"), url=f"{kit}?week={this_monday:%Y-%m-%d}", icon_name="download"
            ),
            HeaderButton(
                _("Next week's kit"), url=f"{kit}?week={next_monday:%Y-%m-%d}", icon_name="download"
            ),
        ]
        return buttons


class FormWithRequestMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class FeaturedCreateView(FormWithRequestMixin, BadRequestOnInvalidMixin, generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        pk = self.request.GET.get("organisation")
        if self.request.method == "GET" and pk and str(pk).isdigit():
            page = OrganisationPage.objects.filter(pk=pk).first()
            first = first_version(page) if page is not None else None
            if first is not None:
                initial["organisation"] = first
        initial.setdefault("starts_on", week_of(timezone.localdate())[0] + datetime.timedelta(7))
        return initial

    def get_success_url(self):
        # Straight to the drafts, to read and edit them.
        return self.get_edit_url()

    def get_success_message(self, instance):
        languages = ", ".join(
            language_name(code) for code in sorted(instance.captions, key=language_rank)
        )
        if languages:
            return _("%(organisation)s planned. Captions drafted in %(languages)s: check them.") % {
                "organisation": instance.organisation.title,
                "languages": languages,
            }
        return _("%(organisation)s planned.") % {"organisation": instance.organisation.title}


def share_card_links(feature):
    """The feature's share cards, one per language it has a caption in, for the admin."""
    return [
        {
            "code": code,
            "label": language_name(code),
            "url": reverse("featured:share_card", args=[feature.pk, code]),
        }
        for code in sorted(feature.captions, key=language_rank)
    ]


class FeaturedEditView(FormWithRequestMixin, BadRequestOnInvalidMixin, generic.EditView):
    template_name = "featured/admin/edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["share_cards"] = share_card_links(self.object)
        context["warnings"] = warnings_for([self.object]).get(self.object.pk, [])
        return context

    def get_success_message(self):
        if getattr(self.form, "drafted", False):
            return _("Captions drafted again for %(organisation)s.") % {
                "organisation": self.object.organisation.title
            }
        return super().get_success_message()


# The kit and the share cards --------------------------------------------------------------------


def kit_view(request):
    """The zip of a week's features: `?week=` any day of the week (default: this week)."""
    require_central_staff(request)
    value = request.GET.get("week", "")
    try:
        day = parse_date(value) if value else timezone.localdate()
    except ValueError:
        day = None
    if day is None:
        return HttpResponseBadRequest(
            _("“%(value)s” is not a date: give a day of the week as YYYY-MM-DD.")
            % {"value": value},
            content_type="text/plain; charset=utf-8",
        )
    if not datetime.date.min + WEEK <= day <= datetime.date.max - WEEK:
        return HttpResponseBadRequest(
            _("%(value)s is too far away: give a day of a week that has a kit.") % {"value": value},
            content_type="text/plain; charset=utf-8",
        )
    monday, _sunday = week_of(day)
    name, content, count = build_kit(monday, request)
    if not count:
        messages.warning(
            request,
            _("Nothing is featured in the week of %(date)s: there is no kit to download.")
            % {"date": date_format(monday, "DATE_FORMAT")},
        )
        return redirect("featured:index")
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def share_card_view(request, pk, language):
    """The share card of the feature's organisation in `language`, drawn if needed."""
    require_central_staff(request)
    feature = get_object_or_404(FeaturedOrganisation.objects.select_related("organisation"), pk=pk)
    page = (
        OrganisationPage.objects.live()
        .filter(translation_key=feature.organisation_key, locale__language_code=language)
        .select_related("cover_image", "logo")
        .first()
    )
    if page is None:
        raise Http404(_("The organisation is not published in this language."))
    card = share_card(page)
    return redirect(card.url if card is not None else static(SHARE_IMAGE))


class FeaturedOrganisationViewSet(ListAndEditViewSet):
    """Organisations featured on social media and on the home page, for central staff."""

    model = FeaturedOrganisation
    name = "featured"  # /admin/featured/, URL names "featured:index", "featured:kit", ...
    icon = "thumbtack"
    menu_label = gettext_lazy("Featured organisations")
    add_to_admin_menu = True
    menu_order = 280
    add_to_reference_index = False
    index_view_class = FeaturedIndexView
    add_view_class = FeaturedCreateView
    edit_view_class = FeaturedEditView
    filterset_class = FeaturedFilterSet
    search_fields = ["organisation__title"]
    ordering = ["-starts_on", "-pk"]

    def get_form_class(self, for_update=False):
        return FeaturedOrganisationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("kit/", kit_view, name="kit"),
            path("share/<int:pk>/<str:language>/", share_card_view, name="share_card"),
        ]
