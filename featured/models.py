"""Organisations featured on the portal's social media, and on its home page, for a while."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link


class FeaturedOrganisation(models.Model):
    """An organisation showcased on the portal's social media, and on its home page, for a while.

    Central staff plan it, edit the captions drafted for it in each of the organisation's
    languages, post it, and record where. Like contacts, it holds the organisation's translation
    key, so every language version of the organisation knows it is featured.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        POSTED = "posted", _("Posted")
        SKIPPED = "skipped", _("Skipped")

    organisation_key = models.UUIDField(_("organisation"), db_index=True, editable=False)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="features",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), help_text=_("The last day it is featured."))
    channels = models.JSONField(_("channels"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    captions = models.JSONField(_("captions"), default=dict, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    posted_url = models.URLField(_("posted at"), max_length=500, blank=True)
    posted_on = models.DateField(_("posted on"), null=True, blank=True)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("planned by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "facilitators_featuredorganisation"  # its table from before it had its own app
        verbose_name = _("featured organisation")
        verbose_name_plural = _("featured organisations")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="featured_period_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="featured_period_in_order",
            )
        ]

    def __str__(self):
        title = self.organisation.title if self.organisation_id else ""
        return f"{title} · {self.starts_on:%Y-%m-%d}"

    @classmethod
    def on(cls, day):
        """The features running on `day`: planned or posted, not skipped."""
        return cls.objects.filter(starts_on__lte=day, ends_on__gte=day).exclude(
            status=cls.Status.SKIPPED
        )

    @classmethod
    def today(cls):
        return cls.on(timezone.localdate())
