from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from core.fields import optional_link


class OrganisationAccount(models.Model):
    """The people behind an organisation: their group, their media collection, their status.

    An organisation's pages (one per language) share one translation key; the account hangs on that
    key, so a translation made later gets the same rights as the original.
    """

    translation_key = models.UUIDField(_("organisation"), unique=True)
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        related_name="organisation_account",
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+"
    )
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("A verified organisation publishes its pages without approval."),
    )
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    verified_by = optional_link(settings.AUTH_USER_MODEL, _("verified by"))
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation account")
        verbose_name_plural = _("organisation accounts")

    def __str__(self):
        return self.group.name

    def pages(self):
        from directory.models import OrganisationPage

        return OrganisationPage.objects.filter(translation_key=self.translation_key)
