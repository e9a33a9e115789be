"""What the admin's listings name, for a user who is not central staff.

Wagtail's listings (the page explorer, reports, histories, snippets, images, documents) offer
filters by user ("Owner", "Edited by", "Locked by", "User", "Requested by") whose choices are every
user who ever did the thing, site-wide, whatever rows the user may see. Here those choices are
narrowed to the people the user may know of (`visible_users`):

- central staff (and superusers): everybody;
- a facilitator: central staff, the facilitators of their countries, and the members of those
  countries' organisations;
- anyone else (an organisation's people): central staff and the members of its own organisations.

`scoped_listing_view()` makes such a listing's view class: directory/admin_scope.py mounts it in
place of Wagtail's at the same address. The page types report also names each type's last edited
page: for a user who is not central staff, only a page they may explore.
"""

import inspect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.functional import cached_property
from django_filters import ModelChoiceFilter, ModelMultipleChoiceFilter
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.roles import CENTRAL_STAFF, Role, facilitators_group_name
from directory.models import OrganisationPage


def visible_users(user):
    """The users whose names `user` may read in the admin, or None for everybody."""
    role = Role.of(user)
    if role.is_central_staff:
        return None
    keys = set(role.organisation_keys)
    if role.country_codes:
        followed = OrganisationPage.objects.in_countries(role.country_codes)
        keys.update(followed.values_list("translation_key", flat=True))
    groups = Group.objects.filter(
        Q(name=CENTRAL_STAFF)
        | Q(name__in=[facilitators_group_name(code) for code in role.country_codes])
        | Q(organisation_account__translation_key__in=keys)
    )
    users = get_user_model().objects.filter(
        Q(pk=user.pk) | Q(is_superuser=True) | Q(groups__in=groups)
    )
    return get_user_model().objects.filter(pk__in=users.values("pk"))


def _restrict_user_choices(filterset):
    """Narrow every filter of `filterset` choosing among users to the visible ones."""
    visible = visible_users(filterset.request.user)
    if visible is None:
        return
    user_model = get_user_model()
    for item in filterset.filters.values():
        if not isinstance(item, (ModelChoiceFilter, ModelMultipleChoiceFilter)):
            continue
        queryset = item.get_queryset(filterset.request)
        if queryset is None:
            queryset = item.extra.get("queryset")
        if queryset is not None and queryset.model is user_model:
            item.queryset = None
            item.extra["queryset"] = queryset.filter(pk__in=visible.values("pk"))


_SCOPED_FILTERSETS = {}


def scoped_filterset(filterset_class):
    """`filterset_class`, its user filters offering only the users one may know of."""
    if filterset_class not in _SCOPED_FILTERSETS:

        def __init__(self, *args, **kwargs):
            filterset_class.__init__(self, *args, **kwargs)
            _restrict_user_choices(self)

        _SCOPED_FILTERSETS[filterset_class] = type(
            filterset_class.__name__, (filterset_class,), {"__init__": __init__}
        )
    return _SCOPED_FILTERSETS[filterset_class]


def has_filters(view_class, initkwargs):
    """Whether the view is a Wagtail listing with (or building) a filter form."""
    if not isinstance(inspect.getattr_static(view_class, "filters", None), cached_property):
        return False
    return bool(initkwargs.get("filterset_class") or getattr(view_class, "filterset_class", None))


def scoped_listing_view(view_class):
    """A subclass of the listing view `view_class` whose filters are scoped."""
    base_filters = view_class.filters

    def filters(self):
        if self.filterset_class:
            self.filterset_class = scoped_filterset(self.filterset_class)
        return base_filters.func(self)

    attributes = {"filters": cached_property(filters)}
    if issubclass(view_class, PageTypesUsageReportView):
        attributes["decorate_paginated_queryset"] = _explorable_last_edits
    scoped = type(view_class.__name__, (view_class,), attributes)
    scoped.filters.__set_name__(scoped, "filters")
    return scoped


def _explorable_last_edits(self, page_types):
    page_types = PageTypesUsageReportView.decorate_paginated_queryset(self, page_types)
    if Role.of(self.request.user).is_central_staff:
        return page_types
    pages = [item.last_edited_page for item in page_types if item.last_edited_page]
    explorable = set(
        PagePermissionPolicy()
        .explorable_instances(self.request.user)
        .filter(pk__in=[page.pk for page in pages])
        .values_list("pk", flat=True)
    )
    for item in page_types:
        if item.last_edited_page and item.last_edited_page.pk not in explorable:
            item.last_edited_page = None
    return page_types


class ScopedPageViewSet(PageViewSet):
    """Every page listing (the explorer, its search and filters, the pages of a type), with its
    "Owner" and "Edited by" filters offering only the users one may know of."""

    model = Page
    name = "scoped_pages"
    filterset_class = scoped_filterset(GenericPageFilterSet)
