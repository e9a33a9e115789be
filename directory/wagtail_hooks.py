from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory import organisation_admin  # noqa: F401  (the organisation's own admin screens)
from directory.emails import registered_organisation_count
from directory.enquiry_admin import EnquiryViewSet
from directory.models import ExpertiseCategory, TargetGroup


class ExpertiseCategoryViewSet(SnippetViewSet):
    model = ExpertiseCategory
    icon = "tag"
    menu_label = _("Expertise categories")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (ExpertiseCategoryViewSet, TargetGroupViewSet)
    menu_icon = "list-ul"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyViewSetGroup)


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    """Citizens' messages, each organisation its own (see directory/enquiry_admin.py)."""
    return EnquiryViewSet()


# Organisations see and touch only their own pages and collection (hooks registered on import).
from directory import admin_scope  # noqa: E402, F401


@hooks.register("register_email_placeholders")
def organisation_count_placeholder():
    """{organisation_count} in any email: counted only when a template uses it."""
    return {"organisation_count": registered_organisation_count}
