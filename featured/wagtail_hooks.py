"""Admin → Featured organisations (central staff only), its button on organisation pages, and
the image operation that draws share cards."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from directory.models import OrganisationPage

from .models import FeaturedOrganisation
from .share_card import ShareCardOperation
from .timeline import FeatureTimeline
from .views import POLICY, FeaturedOrganisationViewSet

register_permission_policy(FeaturedOrganisation, POLICY)


@hooks.register("insert_global_admin_css")
def featured_admin_css():
    """The featured organisation editor's stylesheet: the admin carries no inline style."""
    return format_html('<link rel="stylesheet" href="{}">', static("featured/admin.css"))


@hooks.register("register_image_operations")
def register_share_card_operation():
    return [("sharecard", ShareCardOperation)]


@hooks.register("register_admin_viewset")
def register_featured():
    return FeaturedOrganisationViewSet()


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def feature_organisation_button(page, user, *args, **kwargs):
    """A button to feature a published organisation, on its page: for central staff only."""
    if page.specific_class is not OrganisationPage or not page.live:
        return
    if not POLICY.user_has_permission(user, "add"):
        return
    yield Button(
        _("Feature on social media"),
        url=f"{reverse('featured:add')}?organisation={page.pk}",
        icon_name="thumbtack",
        priority=80,
    )


@hooks.register("register_organisation_timeline")
def feature_timeline():
    """Features on social media, on the facilitators' file of an organisation."""
    return FeatureTimeline()
