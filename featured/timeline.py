"""Features on social media on the organisation's file (facilitators/organisation_file.py), as a
timeline source registered through the `register_organisation_timeline` hook (the facilitators
app, a lower layer, does not import this one)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.utils import get_user_display_name

from directory.timeline import TimelineEntry, TimelineSource

from .featuring import channel_names
from .models import FeaturedOrganisation
from .views import POLICY


def day(value):
    return date_format(value, "SHORT_DATE_FORMAT")


class FeatureTimeline(TimelineSource):
    kind = "feature"
    label = gettext_lazy("Features on social media")
    order = 70

    def entries(self, request, key, limit):
        features = (
            FeaturedOrganisation.objects.filter(organisation_key=key)
            .select_related("created_by")
            .order_by("-created_at", "-pk")[:limit]
        )
        may_open = POLICY.user_has_permission(request.user, "change")
        return [self.entry(feature, may_open) for feature in features]

    def entry(self, feature, may_open):
        period = {"start": day(feature.starts_on), "end": day(feature.ends_on)}
        text = _("Featured from %(start)s to %(end)s") % period
        if feature.posted_on:
            text += " · " + _("posted on %(date)s") % {"date": day(feature.posted_on)}
        return TimelineEntry(
            at=feature.created_at,
            kind=self.kind,
            title=_("Feature on social media"),
            subject=", ".join(channel_names(feature.channels or [])),
            by=get_user_display_name(feature.created_by) if feature.created_by else "",
            text=text,
            status=feature.get_status_display(),
            url=reverse("featured:edit", args=[feature.pk]) if may_open else "",
        )
