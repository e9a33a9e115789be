"""Expressions of interest on the organisation's file (facilitators/organisation_file.py), as a
timeline source registered through the `register_organisation_timeline` hook: the collaboration
app and the facilitators app are on the same layer and do not import each other."""

from django.db.models import Q
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.utils import get_user_display_name

from directory.timeline import TimelineEntry, TimelineSource

from .models import ExpressionOfInterest


class InterestTimeline(TimelineSource):
    """Interests the organisation expressed in others' calls, and those it received in its own."""

    kind = "interest"
    label = gettext_lazy("Expressions of interest")
    order = 50

    def entries(self, request, key, limit):
        interests = (
            ExpressionOfInterest.objects.filter(Q(organisation_key=key) | Q(owner_key=key))
            .select_related("call", "call__locale", "organisation", "sent_by")
            .order_by("-created_at", "-pk")[:limit]
        )
        return [self.entry(interest, key) for interest in interests]

    def entry(self, interest, key):
        call = interest.call.title if interest.call else _("(deleted call)")
        if interest.organisation_key == key:
            title = _("Interest sent in a call")
        else:
            sender = interest.organisation.title if interest.organisation else "-"
            title = _("Interest received from %(organisation)s") % {"organisation": sender}
        return TimelineEntry(
            at=interest.created_at,
            kind=self.kind,
            title=title,
            subject=call,
            text=truncatechars(interest.message, 300),
            by=get_user_display_name(interest.sent_by) if interest.sent_by else "",
            status=interest.get_status_display(),
            url=reverse("interests:inspect", args=[interest.pk]),
            language=interest.call.locale.language_code if interest.call else "",
        )
