from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory import (
    admin_listings,
    admin_scope,
    organisation_admin,
    translation_guard,
    vocabulary_admin,
)
from directory.emails import registered_organisation_count
from directory.enquiry_admin import EnquiryViewSet
from directory.models import Enquiry, ExpertiseCategory, NetworkPurpose, Place, TargetGroup
from directory.scoped_policy import OrganisationMessagePolicy

# The organisation's own admin screens: its dashboard checklist, "Mark as verified" and "Revoke
# verification" for its country's facilitators, and their lines in the page's history
# (directory/organisation_admin.py).
hooks.register("construct_homepage_panels", organisation_admin.add_profile_checklist)
hooks.register("register_page_header_buttons", organisation_admin.verify_button)
hooks.register("register_admin_urls", organisation_admin.organisation_admin_urls)
# Its editor's main button: "Submit for approval", or "Publish" once verified.
hooks.register("construct_page_action_menu", organisation_admin.primary_action_first)

# A translation does not go live before its source (directory/translation_guard.py); the editor
# check runs ahead of wagtail-localize's own translation editor.
hooks.register("before_publish_page", translation_guard.refuse_publishing)
hooks.register("before_edit_page", translation_guard.refuse_translation_publishing, order=-10)
hooks.register("register_log_actions", organisation_admin.register_verification_log_actions)

# Citizens' messages: who sees and answers which (directory/scoped_policy.py).
register_permission_policy(Enquiry, OrganisationMessagePolicy(Enquiry))


class TermViewSet(SnippetViewSet):
    """A vocabulary: its terms in every language, deleted only once no page uses them."""

    list_display = ["name", "slug", "locale"]
    ordering = ["name"]
    delete_view_class = vocabulary_admin.TermDeleteView
    edit_view_class = vocabulary_admin.TermEditView
    usage_view_class = vocabulary_admin.TermUsageView


class ExpertiseCategoryViewSet(TermViewSet):
    model = ExpertiseCategory
    icon = "tag"
    menu_label = _("Expertise categories")


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")


class NetworkPurposeViewSet(TermViewSet):
    """What networks are for: networks choose several on their profile."""

    model = NetworkPurpose
    icon = "site"
    menu_label = _("Network purposes")


class PlaceViewSet(TermViewSet):
    """Places, administered by central staff: a country's towns, each named in every language."""

    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "slug", "country", "kind", "locale"]
    list_filter = ["country", "kind"]
    ordering = ["country", "name"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (ExpertiseCategoryViewSet, TargetGroupViewSet, NetworkPurposeViewSet, PlaceViewSet)
    menu_icon = "list-ul"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyViewSetGroup)

# A term is deleted only once no page uses it, in any language, whatever the delete screen
# (its own, or several terms at once from the list): directory/vocabulary_admin.py.
hooks.register("before_delete_snippet", vocabulary_admin.refuse_deleting_used_terms)


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    """Citizens' messages, each organisation its own (see directory/enquiry_admin.py)."""
    return EnquiryViewSet()


# Organisations see and touch only their own pages and collection (directory/admin_scope.py).
hooks.register("register_admin_viewset", admin_listings.ScopedPageViewSet)
hooks.register("construct_page_chooser_queryset", admin_scope.scope_page_chooser)
hooks.register("construct_explorer_page_queryset", admin_scope.scope_explorer)
hooks.register("construct_reports_menu", admin_scope.hide_reports)
hooks.register("before_move_page", admin_scope.refuse_move_confirmation)
hooks.register("construct_homepage_summary_items", admin_scope.hide_site_page_count, order=100)


@hooks.register("register_email_placeholders")
def organisation_count_placeholder():
    """{organisation_count} in any email: counted only when a template uses it."""
    return {"organisation_count": registered_organisation_count}
