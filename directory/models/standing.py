from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationStanding(models.Model):
    """Where one organisation stands, kept in step with its pages (`directory.standing`).

    Lists that filter, sort and count thousands of organisations (the facilitators' panel) read
    one row each from here instead of working out completeness and the rest from the page tree
    on every request. An organisation is all its language versions together; `page` is its
    first version, the one its rows show.
    """

    translation_key = models.UUIDField(unique=True)
    page = models.OneToOneField(
        "directory.OrganisationPage", on_delete=models.CASCADE, related_name="standing"
    )
    title = models.CharField(max_length=255)
    acronym = models.CharField(max_length=255, blank=True)
    country_code = models.CharField(max_length=2, blank=True, db_index=True)
    live = models.BooleanField(default=False)
    verified = models.BooleanField(default=False)
    complete = models.BooleanField(default=False)
    share = models.PositiveSmallIntegerField(default=0)  # of the completeness rules met
    missing = models.CharField(max_length=255, blank=True)  # the rules' codes, comma separated
    services = models.PositiveIntegerField(default=0)
    projects = models.PositiveIntegerField(default=0)
    last_update = models.DateTimeField(null=True, blank=True)
    last_email_status = models.CharField(max_length=20, blank=True)
    # Something it depends on changed since it was worked out: worked out again before use.
    stale = models.BooleanField(default=False, db_index=True)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation standing")
        verbose_name_plural = _("organisation standings")

    def __str__(self):
        return self.title
