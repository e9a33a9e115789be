"""What the networks add to the admin and to the apps below them: Admin → Networks, the
memberships' screens and the admin home's answers (`admin.py`); their figures to the
facilitators' panel and report (`directory.figures`), memberships to the open data's
organisation records (`directory.record_properties`)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from core.roles import Role
from directory.figures import HOOK as FIGURES
from directory.models import OrganisationPage
from directory.record_properties import HOOK as RECORD_PROPERTIES

from . import admin, memberships
from .figures import NetworkFigures
from .open_data import MembershipProperties

hooks.register("register_admin_urls", admin.admin_urls)
hooks.register("construct_homepage_panels", admin.add_answers_panel)
hooks.register(FIGURES, NetworkFigures)
hooks.register(RECORD_PROPERTIES, MembershipProperties)


@hooks.register("insert_global_admin_css")
def networks_admin_css():
    """The memberships' screens' stylesheet: the admin carries no inline style."""
    return format_html('<link rel="stylesheet" href="{}">', static("networks/admin.css"))


class NetworksMenuItem(MenuItem):
    """For an organisation's users (their networks and members) and for who follows
    organisations up (the networks of their countries)."""

    def is_shown(self, request):
        role = Role.of(request.user)
        return role.is_member or role.follows_up


@hooks.register("register_admin_menu_item")
def networks_menu_item():
    return NetworksMenuItem(
        _("Networks"), reverse("networks_index"), name="networks", icon_name="group", order=350
    )


@hooks.register("register_page_header_buttons")
def membership_buttons(page, user, *args, **kwargs):
    """On an organisation's page in the admin: its networks, and a network's members, for its
    own users and for who follows its country up."""
    if page.specific_class is not OrganisationPage:
        return
    role = Role.of(user)
    own = role.belongs_to(page.translation_key)
    if not own and not (
        role.follows_up and role.facilitates_country(memberships.country_code(page))
    ):
        return
    organisation = page.specific_deferred
    if organisation.is_network:
        yield Button(
            _("Members"),
            url=reverse("networks_members", args=[page.translation_key]),
            icon_name="group",
            priority=60,
        )
    yield Button(
        _("Networks"),
        url=reverse("networks_of_organisation", args=[page.translation_key]),
        icon_name="group",
        priority=65,
    )
