from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        # The models and the page cache are imported once the apps are loaded.
        from django.db.models.signals import post_delete, post_save

        from core.page_cache import purge  # the cache, once the apps are loaded

        from .models import Membership

        # A network's members and each organisation's "Member of" are on kept public pages:
        # a membership accepted, ended or removed shows at once.
        for signal in (post_save, post_delete):
            signal.connect(purge, sender=Membership, dispatch_uid=f"networks_purge_{signal}")
