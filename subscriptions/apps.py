from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """Email subscriptions without an account: news, the newsletter, alerts for a search."""

    name = "subscriptions"
    verbose_name = _("Subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # anymail's tracking signal: bounces and complaints stop bulk email to the address.
        from . import signals  # noqa: F401
