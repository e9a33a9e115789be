"""Admin → Readers' reactions: what readers answered to "Was this page useful?".

Central staff see every page; a facilitator the pages of their countries (the country's page and
everything under it: organisations, services, projects, calls, news); an organisation's people
the pages of their own organisation (its profile and everything under it, in every language).
Anyone else is refused (403), and a page outside one's reach is refused by direct address too.
The public views that are not pages (feedback/public_views.py: the search, the registration)
belong to no country and no organisation: central staff alone see their answers.

The listing counts yes and no per page, the pages with the most "no" first, for one month or all,
and one country; each page's own screen gives its figures month by month and what readers said
was missing. Both are counted in the database, in a fixed number of queries whatever the number
of pages and answers.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from core.roles import Role
from directory.countries import country_names
from directory.models import CountryPage

from .models import Answer
from .public_views import is_public_view, view_label

PER_PAGE = 50
#: The most "what was missing" texts shown on a page's screen (the latest first).
TEXTS_SHOWN = 200


def may_see_reactions(user):
    role = Role.of(user)
    return role.is_central_staff or role.is_facilitator or role.is_member


def reach(user):
    """The paths of the pages under which `user` sees the answers (None: every page)."""
    role = Role.of(user)
    if role.is_central_staff:
        return None
    if not may_see_reactions(user):
        raise PermissionDenied
    roots = Page.objects.filter(
        Q(countrypage__code__in=role.country_codes)
        | Q(organisationpage__isnull=False, translation_key__in=role.organisation_keys)
    )
    return list(roots.values_list("path", flat=True))


def under(paths, field="path"):
    """A filter for the pages at or under any of `paths` (None: no filter)."""
    if paths is None:
        return Q()
    condition = Q(pk__in=[])
    for page_path in paths:
        condition |= Q(**{f"{field}__startswith": page_path})
    return condition


def month_label(month):
    return date_format(month, "YEAR_MONTH_FORMAT")


class ReactionsFilterForm(forms.Form):
    month = forms.ChoiceField(
        label=_("Month"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the months with answers.")},
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the countries you can see.")},
    )

    def __init__(self, data, answers, countries, **kwargs):
        """`answers`: those the user may see; `countries`: {code: name} they may choose."""
        super().__init__(data, **kwargs)
        months = answers.order_by("-month").values_list("month", flat=True).distinct()
        self.months = {month.strftime("%Y-%m"): month for month in months}
        self.fields["month"].choices = [("", _("Every month"))] + [
            (value, month_label(month)) for value, month in self.months.items()
        ]
        self.fields["country"].choices = [("", _("Every country you can see"))] + sorted(
            countries.items(), key=lambda item: item[1]
        )
        if len(countries) < 2:
            del self.fields["country"]

    def chosen(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


class Reactions:
    """What `request.user` may see of the answers, filtered as the query string asks."""

    def __init__(self, request):
        user = request.user
        self.paths = reach(user)
        role = Role.of(user)
        self.answers = Answer.objects.filter(under(self.paths, "page__path"))
        if self.paths is not None:  # the views' answers are central staff's alone
            self.answers = self.answers.filter(page__isnull=False)
        names = country_names()
        if role.is_central_staff:
            shown = names
        else:
            shown = {code: name for code, name in names.items() if code in role.country_codes}
        self.country_paths = dict(
            CountryPage.objects.filter(code__in=shown).values_list("path", "code")
        )
        self.names = names
        self.form = ReactionsFilterForm(request.GET or None, self.answers, shown)
        month = self.form.chosen("month")
        country = self.form.chosen("country")
        self.month = self.form.months.get(month) if month else None
        self.filtered = self.answers
        if self.month:
            self.filtered = self.filtered.filter(month=self.month)
        if country:
            paths = [path for path, code in self.country_paths.items() if code == country]
            self.filtered = self.filtered.filter(under(paths, "page__path"))

    @property
    def is_invalid(self):
        return self.form.is_bound and not self.form.is_valid()

    def country_of(self, page):
        for country_path, code in self.country_paths.items():
            if page.path.startswith(country_path):
                return self.names.get(code, code)
        return ""


def _counted(answers):
    return answers.annotate(
        yes=Count("pk", filter=Q(useful=True)),
        no=Count("pk", filter=Q(useful=False)),
        texts=Count("pk", filter=~Q(missing="")),
        total=Count("pk"),
    )


def _allowed(request):
    if not may_see_reactions(request.user):
        raise PermissionDenied


def reactions_view(request):
    _allowed(request)
    reactions = Reactions(request)
    rows = _counted(reactions.filtered.values("page_id", "view")).order_by(
        "-no", "-total", "page_id", "view"
    )
    listing = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    page_ids = [row["page_id"] for row in listing if row["page_id"]]
    pages = Page.objects.select_related("locale").in_bulk(page_ids)
    query = request.GET.copy()
    query.pop("p", None)
    suffix = f"?{query.urlencode()}" if query else ""
    for row in listing:
        page = pages.get(row["page_id"])
        row["page"] = page
        if page is None:  # a public view's answers
            row["title"] = view_label(row["view"])
            row["url"] = reverse("feedback:view", args=[row["view"]]) + suffix
            continue
        row["country"] = reactions.country_of(page)
        row["url"] = reverse("feedback:page", args=[page.pk]) + suffix
    return TemplateResponse(
        request,
        "feedback/admin/reactions.html",
        {
            "page_title": _("Readers' reactions"),
            "header_icon": "comment",
            "form": reactions.form,
            "listing": listing,
            "month": reactions.month,
            "query": query.urlencode(),
        },
        status=400 if reactions.is_invalid else 200,
    )


def _one_screen(request, reactions, answers, context):
    """A page's or a view's answers, month by month, and what readers said was missing."""
    texts = answers.filter(month=reactions.month) if reactions.month else answers
    months = _counted(answers.values("month")).order_by("-month")
    texts = texts.exclude(missing="").order_by("-month", "-pk")[:TEXTS_SHOWN]
    back = reverse("feedback:index") + (f"?{request.GET.urlencode()}" if request.GET else "")
    return TemplateResponse(
        request,
        "feedback/admin/page_reactions.html",
        {
            "page_title": _("Readers' reactions"),
            "header_icon": "comment",
            "months": months,
            "texts": texts,
            "month": reactions.month,
            "back_url": back,
            **context,
        },
    )


def page_reactions_view(request, page_id):
    _allowed(request)
    reactions = Reactions(request)
    page = get_object_or_404(Page, pk=page_id, depth__gt=1)
    if not Page.objects.filter(under(reactions.paths), pk=page.pk).exists():
        raise PermissionDenied
    return _one_screen(
        request,
        reactions,
        reactions.answers.filter(page=page),
        {
            "page_subtitle": page.get_admin_display_title(),
            "country": reactions.country_of(page),
            "public_url": page.get_url(request=request),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


def view_reactions_view(request, key):
    """A public view's answers: central staff only (a view belongs to no country)."""
    _allowed(request)
    reactions = Reactions(request)
    if reactions.paths is not None:
        raise PermissionDenied
    if not is_public_view(key):
        raise Http404
    return _one_screen(
        request,
        reactions,
        reactions.answers.filter(page=None, view=key),
        {"page_subtitle": view_label(key), "public_url": reverse(key)},
    )


class ReactionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reactions(request.user)


class ReactionsViewSet(ViewSet):
    """Admin → Readers' reactions: /admin/feedback/, each page's /admin/feedback/page/<id>/ and
    each public view's /admin/feedback/view/<key>/."""

    name = "feedback"
    icon = "comment"
    menu_label = _("Readers' reactions")
    menu_order = 270
    add_to_admin_menu = True
    menu_item_class = ReactionsMenuItem

    def get_urlpatterns(self):
        return [
            path("", reactions_view, name="index"),
            path("page/<int:page_id>/", page_reactions_view, name="page"),
            path("view/<str:key>/", view_reactions_view, name="view"),
        ]
