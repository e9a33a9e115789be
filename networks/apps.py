from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def membership_changed(sender, instance, **kwargs):
    """A membership accepted, ended or deleted changes its network's size in the list of
    networks: its rows are worked out again before the next listing reads them, and the kept
    public pages (the list, the network's members, "Member of") are forgotten, in the portal's
    page cache and, once the change is committed, in a caching proxy in front (the network's
    page and its member's, in every language)."""
    from core import page_cache  # the page cache and the directory's rows: once apps are loaded
    from directory import frontend_cache, listing_rows  # (an app's models cannot be before)

    listing_rows.mark([instance.network_key])
    page_cache.purge()
    keys = [key for key in (instance.network_key, instance.member_key) if key]
    transaction.on_commit(lambda: frontend_cache.purge_content(keys))


class NetworksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        # The list of networks reads the directory's listing rows: its source joins theirs.
        from directory import listing_rows

        from .listing import Networks
        from .models import Membership

        listing_rows.register(Networks())
        post_save.connect(membership_changed, sender=Membership, dispatch_uid="network_size")
        post_delete.connect(membership_changed, sender=Membership, dispatch_uid="network_size_gone")
