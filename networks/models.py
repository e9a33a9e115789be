"""Who belongs to which network: memberships between a network (an organisation of the
directory whose kind is "network") and its members.

An organisation is all its language versions together, so both sides are named by their
translation key. A member is an organisation of the portal, or, for members that are not on
the portal, a name, a country and a website. A network invites an organisation and an
organisation asks to join; the membership is public once the other side has accepted. Either
side ends it: it then ends today and stays as history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link
from core.translation import PAGE_TRANSLATABLE, translated
from directory.models.mixins import IntroPage


class MembershipRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class MembershipState(models.TextChoices):
    INVITED = "invited", _("Invited by the network")
    REQUESTED = "requested", _("Asked to join")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended")


#: The states in which a membership still binds the two sides (one at a time per pair).
OPEN_STATES = (MembershipState.INVITED, MembershipState.REQUESTED, MembershipState.ACTIVE)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        """Memberships both sides agreed to and neither has ended: the public ones."""
        return self.filter(state=MembershipState.ACTIVE)

    def of_network(self, network):
        return self.filter(network_key=network.translation_key)

    def of_member(self, organisation):
        return self.filter(member_key=organisation.translation_key)


class Membership(models.Model):
    network_key = models.UUIDField(_("network"), db_index=True)
    member_key = models.UUIDField(_("member organisation"), null=True, blank=True, db_index=True)
    outside_name = models.CharField(
        _("name"), max_length=255, blank=True, help_text=_("For a member not on the portal.")
    )
    outside_website = models.URLField(_("website"), blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("The member's country code (its country page's, or given for a member "
                    "not on the portal); members are listed by country."),
    )  # fmt: skip
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    state = models.CharField(_("state"), max_length=20, choices=MembershipState.choices)
    since = models.DateField(_("member since"), null=True, blank=True)
    until = models.DateField(_("member until"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("proposed by"))
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decided_by = optional_link(settings.AUTH_USER_MODEL, _("answered by"))
    ended_by = optional_link(settings.AUTH_USER_MODEL, _("ended by"))

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["country", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network_key", "member_key"],
                condition=Q(state__in=OPEN_STATES) & Q(member_key__isnull=False),
                name="one_open_membership_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(member_key__isnull=False) | ~Q(outside_name=""),
                name="membership_names_its_member",
            ),
        ]
        indexes = [models.Index(fields=["network_key", "state", "country"])]

    def __str__(self):
        return f"{self.network_key} ← {self.member_key or self.outside_name}"

    @property
    def is_outside(self):
        return self.member_key is None


class NetworkIndexPage(IntroPage):
    """Every network of the directory, with filters and search: /<lang>/networks/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "networks/network_index_page.html"
    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("networks index")

    def get_context(self, request, *args, **kwargs):
        from .listing import index_context  # the listing reads these models: imported late

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request))
        return context
