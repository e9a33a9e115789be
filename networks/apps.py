from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        # A membership is shown on public pages and in the open data's answers ("Member of",
        # the network's members, x_memberships): kept answers are forgotten when one changes.
        from django.db.models.signals import post_delete, post_save

        # Apps and models are loaded only once ready() runs.
        from core.page_cache import purge

        from .models import Membership

        post_save.connect(purge, sender=Membership, weak=False, dispatch_uid="membership_saved")
        post_delete.connect(purge, sender=Membership, weak=False, dispatch_uid="membership_gone")
