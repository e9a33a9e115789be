"""On an organisation's admin home: calls that seek its expertise, and its own calls with the
interest they received and the organisations that could answer them."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from directory.listing import Locales, one_per_translation, under_any
from directory.models import OrganisationPage

from .matching import calls_for, organisations_for
from .models import CollaborationCallPage, CollaborationIndexPage, ExpressionOfInterest

MATCHES_SHOWN = 5
SUGGESTIONS_SHOWN = 5


class CollaborationPanel(Component):
    name = "collaboration"
    order = 60
    template_name = "collaboration/admin/collaboration_panel.html"

    def __init__(self, organisations):
        self.organisations = organisations  # one page per organisation (own_organisations)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        locales = Locales()
        keys = [organisation.translation_key for organisation in self.organisations]
        published = list(OrganisationPage.objects.live().filter(translation_key__in=keys))
        matches = calls_for(published, locales)
        # Each organisation's own calls, in any language, once each.
        every_version = list(OrganisationPage.objects.filter(translation_key__in=keys))
        own_calls = list(
            one_per_translation(
                CollaborationCallPage.objects.filter(under_any(every_version)),
                locales.active,
                locales.default,
            )
            .select_related("locale")
            .order_by("-latest_revision_created_at", "-pk")
        )
        suggestions = organisations_for(
            [call for call in own_calls if call.accepts_interest], locales, SUGGESTIONS_SHOWN
        )
        counts = {
            row["call_key"]: row
            for row in ExpressionOfInterest.objects.filter(
                call_key__in=[call.translation_key for call in own_calls]
            )
            .order_by()
            .values("call_key")
            .annotate(total=Count("pk"), new=Count("pk", filter=Q(status="new")))
        }
        version_owner = {page.path: page.translation_key for page in every_version}
        index = (
            one_per_translation(
                CollaborationIndexPage.objects.live(), locales.active, locales.default
            )
            .order_by("pk")
            .first()
        )
        rows = []
        for organisation in self.organisations:
            key = organisation.translation_key
            calls = [
                call
                for call in own_calls
                if version_owner.get(call.path[: -CollaborationCallPage.steplen]) == key
            ]
            found = matches.get(key, [])
            rows.append(
                {
                    "organisation": organisation,
                    "published": any(page.translation_key == key for page in published),
                    "matches": found[:MATCHES_SHOWN],
                    "more_matches": max(len(found) - MATCHES_SHOWN, 0),
                    "add_call_url": reverse(
                        "wagtailadmin_pages:add",
                        args=["collaboration", "collaborationcallpage", organisation.pk],
                    ),
                    "calls": [
                        {
                            "call": call,
                            "edit_url": reverse("wagtailadmin_pages:edit", args=[call.pk]),
                            "interests": counts.get(call.translation_key, {}).get("total", 0),
                            "new_interests": counts.get(call.translation_key, {}).get("new", 0),
                            "interests_url": reverse("interests:index")
                            + "?"
                            + urlencode({"call": call.translation_key}),
                            "suggestions": suggestions.get(call.pk, []),
                        }
                        for call in calls
                    ],
                }
            )
        context.update(rows=rows, index=index)
        return context
